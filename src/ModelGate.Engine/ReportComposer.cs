using System.Globalization;
using System.Security.Cryptography;
using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Data;
using ModelGate.Reports;
using ModelGate.Reports.Files;

namespace ModelGate.Engine;

/// <summary>Everything measured about a run that the reports show beyond the verdicts.</summary>
internal sealed record RunFacts(
    string GateKey,
    DateTimeOffset GeneratedAt,
    string PolicyPath,
    string PolicySha256,
    IReadOnlyList<ModelFingerprint> Models,
    IReadOnlyList<DataFingerprint> Data,
    string OnnxRuntimeVersion,
    string Device,
    string Provider)
{
    /// <summary>Repository, branch, pull request and commit, for monitoring labels.</summary>
    public RunIdentity Run { get; init; } = new();

    /// <summary>Seconds from the start of the run to the verdict.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>"CPU" or "CUDA".</summary>
    public string? OnnxRuntimeBuild { get; init; }

    /// <summary>"bundled", or the path of the ONNX Runtime library used.</summary>
    public string? OnnxRuntimeLibrary { get; init; }

    /// <summary>The GPU's name and memory in bytes, on CUDA.</summary>
    public (string Name, long MemoryBytes)? Gpu { get; init; }

    /// <summary>The text columns tokenized for the models, with their truncation counts.</summary>
    public IReadOnlyList<TextTruncation> Texts { get; init; } = [];
}

/// <summary>Builds the report context and the report files of a run.</summary>
internal static class ReportComposer
{
    /// <summary>The file names in the report folder, by format.</summary>
    public static IReadOnlyDictionary<string, string> FileNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["md"] = "report.md",
        ["json"] = "report.json",
        ["junit"] = "report.junit.xml",
        ["html"] = "report.html",
        ["openmetrics"] = "report.prom",
    };

    /// <summary>The Markdown cut to fit a PR comment, written beside the full report for the `comment` command.</summary>
    public const string CommentFileName = "comment.md";

    /// <summary>The context the renderers need.</summary>
    public static ReportContext Context(RunFacts facts, GateResult result, Holdout holdout, IReadOnlyList<string> showColumns, int maxFlippedRows, string? fullReportLocation)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(showColumns);
        return new ReportContext
        {
            GateKey = facts.GateKey,
            GeneratedAt = facts.GeneratedAt,
            PolicyPath = facts.PolicyPath,
            Provenance = new Provenance
            {
                Models = facts.Models,
                Data = facts.Data,
                PolicySha256 = facts.PolicySha256,
                ModelGateVersion = GateVersion.ModelGate,
                OnnxRuntimeVersion = facts.OnnxRuntimeVersion,
                Device = facts.Device,
                ExecutionProvider = facts.Provider,
                OnnxRuntimeBuild = facts.OnnxRuntimeBuild,
                OnnxRuntimeLibrary = facts.OnnxRuntimeLibrary,
                DeviceName = facts.Gpu?.Name,
                DeviceMemoryBytes = facts.Gpu?.MemoryBytes,
                Texts = facts.Texts,
            },
            FlippedRows = FlippedRows(result, holdout, showColumns, maxFlippedRows),
            FullReportLocation = fullReportLocation,
            RocCurves = RocCurves(result),
            Run = facts.Run,
            DurationSeconds = facts.DurationSeconds,
        };
    }

    /// <summary>The report files for the requested formats.</summary>
    public static IReadOnlyList<ReportFile> Files(GateResult result, ReportContext context, string outDir, IReadOnlySet<string> formats)
    {
        ArgumentNullException.ThrowIfNull(formats);
        var files = new List<ReportFile>();
        foreach (var (format, name) in FileNames)
        {
            if (!formats.Contains(format))
            {
                continue;
            }

            if (format == "md")
            {
                // The summary and the comment cut the same sections to different limits: rendered once for both.
                var (summary, comment) = MarkdownReport.RenderSummaryAndComment(result, context);
                files.Add(new ReportFile(Path.Combine(outDir, name), summary));
                files.Add(new ReportFile(Path.Combine(outDir, CommentFileName), comment));
                continue;
            }

            var content = format switch
            {
                "json" => JsonReport.Render(result, context),
                "junit" => JunitReport.Render(result, context),
                "openmetrics" => OpenMetricsReport.Render(result, context),
                _ => HtmlReport.Render(result, context),
            };
            files.Add(new ReportFile(Path.Combine(outDir, name), content));
        }

        return files;
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The result with the policy locations of checks and waivers shown relative to the working folder: the policy
    /// loader records absolute paths, which would make the reports differ from machine to machine.
    /// </summary>
    public static GateResult WithDisplayPaths(GateResult result, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        SourceLocation? Show(SourceLocation? location) =>
            location is null ? null : location with { File = DisplayPath(location.File, workingDirectory) };
        return result with
        {
            Checks = [.. result.Checks.Select(c => c with
            {
                Spec = c.Spec with
                {
                    Location = Show(c.Spec.Location),
                    Waiver = c.Spec.Waiver is null ? null : c.Spec.Waiver with { Location = Show(c.Spec.Waiver.Location) },
                },
            })],
        };
    }

    /// <summary>A path as shown in reports: relative to the working folder, with forward slashes, so reports diff cleanly across machines.</summary>
    public static string DisplayPath(string path, string workingDirectory) =>
        Path.GetRelativePath(workingDirectory, path).Replace('\\', '/');

    // Core's flipped rows are holdout rows (GateEvaluator maps them back from the scored rows when some scores were not finite).
    private static List<RowFeatures> FlippedRows(GateResult result, Holdout holdout, IReadOnlyList<string> showColumns, int max)
    {
        var rows = new List<int>();
        foreach (var flips in result.Checks.Select(c => c.Flips).Append(result.Flips))
        {
            foreach (var row in flips?.NegativeFlipRows ?? [])
            {
                if (rows.Count < max && !rows.Contains(row))
                {
                    rows.Add(row);
                }
            }
        }

        return [.. rows.Select(row => new RowFeatures(
            holdout.RowId(row),
            [.. showColumns.Where(c => holdout.Columns.Contains(c, StringComparer.Ordinal))
                .Select(c => new FeatureValue(c, holdout.Column(c).ValueAsText(row) ?? "(missing)"))]))];
    }

    /// <summary>ROC points of both models for binary tasks, as Core drew them from its sorted orders (at most ~200 points each).</summary>
    private static List<RocCurve> RocCurves(GateResult result) =>
        [.. result.RocCurves.Select(c => new RocCurve(c.Model, c.Model == "candidate" ? "Candidate" : "Baseline",
            [.. c.Points.Select(p => new RocPoint(p.FalsePositiveRate, p.TruePositiveRate))]))];
}
