using System.Text.Json;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Every NuGet package whose assemblies ship in the tool is named, at its version, in
/// eng/third-party/THIRD-PARTY-NOTICES.md (packed into every package), so a new dependency cannot ship without its
/// licence. The closure is read from the CLI project's restore output, as the generator reads it.
/// </summary>
public sealed class ThirdPartyNoticesTests
{
    [Fact]
    public void Every_shipped_package_is_in_the_notices_at_its_version()
    {
        var notices = File.ReadAllText(RepoPaths.Path("eng", "third-party", "THIRD-PARTY-NOTICES.md"));
        using var assets = JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("src", "ModelGate.Cli", "obj", "project.assets.json")));
        var target = assets.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var shipped = target.EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "package"
                && p.Value.TryGetProperty("runtime", out var runtime) && runtime.EnumerateObject().Any(f => f.Name.EndsWith(".dll", StringComparison.Ordinal)))
            .Select(p => p.Name.Split('/'))
            .ToList();

        Assert.NotEmpty(shipped);
        var missing = shipped.Where(p => !notices.Contains($"| {p[0]} | {p[1]} |", StringComparison.Ordinal)).Select(p => $"{p[0]} {p[1]}").ToList();
        Assert.True(missing.Count == 0, $"not in eng/third-party/THIRD-PARTY-NOTICES.md (run eng/third-party/make_notices.py): {string.Join(", ", missing)}");
    }
}
