using System.Reflection;

namespace ModelGate.Engine;

/// <summary>ModelGate's own version, as the reports record it.</summary>
internal static class GateVersion
{
    /// <summary>ModelGate's version (without the source-revision suffix).</summary>
    public static string ModelGate { get; } =
        (typeof(GateVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
