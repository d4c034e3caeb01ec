using System.Globalization;
using ModelGate.Policy;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;


/// <summary>
/// The one way a policy is loaded, by <c>validate</c> and <c>check</c> alike: load and validate it, report each warning
/// once through the run log, and return the policy or throw every error.
/// </summary>
internal static class PolicyFile
{
    /// <summary>Loads the policy at <paramref name="path"/> (absolute); <paramref name="today"/> decides which waivers have expired.</summary>
    /// <exception cref="ModelGate.Policy.Diagnostics.PolicyException">The policy has errors.</exception>
    public static GatePolicy Load(string path, DateOnly today, PolicyLoadOptions options, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var loaded = PolicyLoader.Load(path, today, options);
        foreach (var warning in loaded.Warnings)
        {
            // The log says "warning" already: the location and the message follow it.
            log.Warn(string.Create(CultureInfo.InvariantCulture, $"{warning.Location.File}:{warning.Location.Line}:{warning.Location.Column}: {warning.Message}"));
        }

        return loaded.GetPolicyOrThrow();
    }
}
