using System.Globalization;
using System.Text.Json;
using ModelGate.Cli.Check;
using ModelGate.Cli.Commands;
using ModelGate.Engine;

namespace ModelGate.Cli.Init;

/// <summary>
/// Absolute bounds for a policy without a baseline, from the candidate's own interval on this holdout: the draft is run
/// through <c>check</c> (silently, into a scratch folder) and each bound is set a little on the lenient side of the
/// candidate's interval, so the gate passes today and fails when a later candidate is clearly worse.
/// </summary>
internal static class CandidateBounds
{
    /// <summary>How far beyond the interval the bound goes, as a share of the interval's end (at least 0.01).</summary>
    public const double Margin = 0.02;

    /// <summary>
    /// Runs the draft through <c>check</c> (so a policy that cannot run fails here, with check's error) and returns it with
    /// its absolute bounds measured (used only without a baseline); the draft's paths must be absolute.
    /// </summary>
    public static async Task<PolicyDraft> MeasureAsync(PolicyDraft draft, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var scratch = Directory.CreateTempSubdirectory("modelgate-init-");
        try
        {
            var policy = Path.Combine(scratch.FullName, "modelgate.yml");
            await File.WriteAllTextAsync(policy, PolicyYaml.Compose(draft), cancellation).ConfigureAwait(false);
            var silent = new CliConsole(TextWriter.Null, TextWriter.Null, false, new Dictionary<string, string>(StringComparer.Ordinal), scratch.FullName);
            var options = new CheckOptions
            {
                PolicyPath = policy,
                OutDir = Path.Combine(scratch.FullName, "report"),
                Formats = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json" },
                Device = "cpu",
                // The draft is init's own, built from the paths on its command line (trusted): absolute paths are expected.
                Guard = new InputGuardOptions(AllowOutsideRoot: true),
            };
            await new CheckRunner(silent).RunAsync(options, cancellation).ConfigureAwait(false);
            var report = Path.Combine(options.OutDir, "report.json");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, cancellation).ConfigureAwait(false));
            return draft with { Bounds = Bounds(draft, json.RootElement) };
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static Dictionary<string, InitBound> Bounds(PolicyDraft draft, JsonElement report)
    {
        var bounds = new Dictionary<string, InitBound>(StringComparer.Ordinal);
        foreach (var check in report.GetProperty("checks").EnumerateArray())
        {
            var metric = check.GetProperty("metric");
            var spec = draft.Checks.FirstOrDefault(s => check.GetProperty("kind").GetString() == "metric" && metric.ValueKind == JsonValueKind.String && s.Metric == metric.GetString());
            if (spec is null || check.GetProperty("candidate") is not { ValueKind: JsonValueKind.Object } candidate)
            {
                continue;
            }

            var end = Number(candidate, spec.HigherIsBetter ? "lower" : "upper") ?? Number(candidate, "value");
            if (end is not { } at)
            {
                continue;
            }

            var value = Lenient(at, spec.HigherIsBetter);
            var level = Number(candidate, "confidence") is { } c ? $"{(c * 100).ToString("0.#", CultureInfo.InvariantCulture)}% " : string.Empty;
            bounds[spec.Metric] = new InitBound(value,
                $"set by init {(spec.HigherIsBetter ? "a little below" : "a little above")} the candidate's own {level}interval on this holdout " +
                $"[{Short(Number(candidate, "lower") ?? at)}, {Short(Number(candidate, "upper") ?? at)}]; set the bound you need");
        }

        return bounds;
    }

    /// <summary>A bound a little beyond <paramref name="end"/> on the lenient side, rounded to three decimals away from it.</summary>
    public static double Lenient(double end, bool higherIsBetter)
    {
        var margin = Math.Max(0.01, Math.Abs(end) * Margin);
        var bound = higherIsBetter ? Math.Floor((end - margin) * 1000) / 1000 : Math.Ceiling((end + margin) * 1000) / 1000;
        return end >= 0 && bound < 0 ? 0 : bound;
    }

    private static string Short(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
