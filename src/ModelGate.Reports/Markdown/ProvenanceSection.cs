using System.Globalization;
using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Hashes of models, data and policy; versions; device; statistical settings; when it was generated.</summary>
internal static class ProvenanceSection
{
    public static MarkdownSection Render(GateResult r, ReportContext ctx)
    {
        var p = ctx.Provenance;
        var sb = new StringBuilder("### Provenance\n\n<details><summary>Hashes, versions and settings to reproduce this verdict</summary>\n\n");
        var files = new List<IReadOnlyList<string>>();
        foreach (var m in p?.Models ?? [])
        {
            files.Add([MarkdownText.Escape(m.Role) + " model", MarkdownText.Code(m.Path), MarkdownText.Code(m.Sha256), NumberText.Count(m.Bytes) + " bytes"]);
        }

        foreach (var d in p?.Data ?? [])
        {
            files.Add([MarkdownText.Escape(d.Role) + " data", MarkdownText.Code(d.Path), MarkdownText.Code(d.Sha256), NumberText.Count(d.Rows) + " rows"]);
        }

        if (ctx.PolicyPath is not null || p?.PolicySha256 is not null)
        {
            files.Add(["policy", ctx.PolicyPath is { } pp ? MarkdownText.Code(pp) : "—", p?.PolicySha256 is { } ps ? MarkdownText.Code(ps) : "—", " "]);
        }

        if (files.Count > 0)
        {
            sb.Append(MarkdownTable.Render(["input", "path", "SHA-256", "size"], files)).Append('\n');
        }

        var st = r.Statistics;
        var settings = new List<IReadOnlyList<string>>
        {
            new[] { "ModelGate", MarkdownText.Escape(p?.ModelGateVersion ?? "unknown") },
            new[] { "ONNX Runtime", MarkdownText.Escape(RuntimeText(p)) },
            new[] { "device", MarkdownText.Escape(DeviceText(p)) },
            new[] { "execution provider", MarkdownText.Escape(p?.ExecutionProvider ?? "unknown") },
            new[] { "holdout rows judged", NumberText.Count(r.Rows) },
            new[] { "confidence", NumberText.Setting(st.Confidence) },
            new[] { "interval method", CheckFacts.MethodWord(st.Method) },
            new[] { "bootstrap resamples", NumberText.Count(st.Resamples) },
            new[] { "seed", st.Seed.ToString(CultureInfo.InvariantCulture) },
            new[] { "judged on", st.Mode == ModelGate.Core.Plan.JudgeMode.Interval ? "confidence intervals" : "point estimates" },
            new[] { "inconclusive counts as", CheckFacts.Word(st.InconclusiveSeverity) },
            new[] { "minimum group support", NumberText.Count(st.MinSupport) },
            new[] { "false discovery rate", NumberText.Setting(st.FalseDiscoveryRate) },
            new[] { "generated", NumberText.Timestamp(ctx.GeneratedAt) },
        };
        sb.Append(MarkdownTable.Render(["setting", "value"], settings));
        sb.Append("\n</details>\n");
        return new MarkdownSection("provenance", sb.ToString(), CutOrder.Provenance);
    }

    /// <summary>"1.31.1", or "1.31.1 (CUDA build, /path/libonnxruntime.so)" when the build was recorded.</summary>
    private static string RuntimeText(Provenance? p) =>
        p?.OnnxRuntimeVersion is not { } version ? "unknown"
        : p.OnnxRuntimeBuild is { } build ? $"{version} ({build} build, {p.OnnxRuntimeLibrary ?? "library unknown"})"
        : version;

    /// <summary>"cpu", or "cuda:0 (NVIDIA H100 80GB HBM3, 79.2 GiB)" on a GPU.</summary>
    private static string DeviceText(Provenance? p) =>
        p?.Device is not { } device ? "unknown"
        : p.DeviceName is { } name ? string.Create(CultureInfo.InvariantCulture, $"{device} ({name}, {(p.DeviceMemoryBytes ?? 0) / (1024.0 * 1024 * 1024):0.0} GiB)")
        : device;
}
