using System.Text;
using System.Xml;
using ModelGate.Core;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Junit;
using ModelGate.Reports.Text;

namespace ModelGate.Reports;

/// <summary>
/// JUnit XML for CI test tabs (Azure DevOps, GitLab, Jenkins): one testsuite, one testcase per check.
/// fail → failure; inconclusive → failure when it blocks, else skipped; skipped → skipped; waived → passing with a note.
/// </summary>
internal static class JunitReport
{
    /// <summary>The JUnit XML document, UTF-8, LF line endings, ending with a newline.</summary>
    public static string Render(GateResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var suite = "modelgate." + MarkdownText.MarkerKey(context.GateKey);
        var failures = result.Checks.Count(IsFailure);
        var skipped = result.Checks.Count(c => !IsFailure(c) && c.Verdict is Verdict.Inconclusive or Verdict.Skipped);
        var timestamp = context.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        var sb = new StringBuilder();
        using (var sw = new Utf8StringWriter(sb))
        using (var w = XmlWriter.Create(sw, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "ModelGate");
            WriteCounts(w, result.Checks.Count, failures, skipped);
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", suite);
            WriteCounts(w, result.Checks.Count, failures, skipped);
            w.WriteAttributeString("timestamp", timestamp);
            WriteProperties(w, result, context);
            foreach (var c in result.Checks)
            {
                WriteCase(w, suite, c);
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndDocument();
        }

        return sb.Append('\n').ToString();
    }

    private static bool IsFailure(CheckResult c) => c.Verdict == Verdict.Fail || (c.Verdict == Verdict.Inconclusive && c.Blocks);

    private static void WriteCounts(XmlWriter w, int tests, int failures, int skipped)
    {
        w.WriteAttributeString("tests", NumberText.Plain(tests));
        w.WriteAttributeString("failures", NumberText.Plain(failures));
        w.WriteAttributeString("errors", "0");
        w.WriteAttributeString("skipped", NumberText.Plain(skipped));
        w.WriteAttributeString("time", "0");
    }

    private static void WriteProperties(XmlWriter w, GateResult r, ReportContext ctx)
    {
        var props = new List<(string, string)>
        {
            ("verdict", r.Passed ? "pass" : "fail"),
            ("task", r.Task.ToString().ToLowerInvariant()),
            ("rows", NumberText.Plain(r.Rows)),
            ("confidence", NumberText.Setting(r.Statistics.Confidence)),
            ("resamples", NumberText.Plain(r.Statistics.Resamples)),
            ("seed", r.Statistics.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (ctx.Provenance is { } p)
        {
            props.Add(("modelgate.version", p.ModelGateVersion));
            if (p.OnnxRuntimeVersion is { } ort)
            {
                props.Add(("onnxruntime.version", ort));
            }

            if (p.OnnxRuntimeBuild is { } build)
            {
                props.Add(("onnxruntime.build", build));
            }

            props.AddRange(p.Models.Select(m => ($"model.{m.Role}.sha256", m.Sha256)));
            props.AddRange(p.Data.Select(d => ($"data.{d.Role}.sha256", d.Sha256)));
            if (p.PolicySha256 is { } ps)
            {
                props.Add(("policy.sha256", ps));
            }
        }

        w.WriteStartElement("properties");
        foreach (var (name, value) in props)
        {
            w.WriteStartElement("property");
            w.WriteAttributeString("name", XmlSafe.Clean(name));
            w.WriteAttributeString("value", XmlSafe.Clean(value));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void WriteCase(XmlWriter w, string suite, CheckResult c)
    {
        var detail = XmlSafe.Clean(Detail(c));
        w.WriteStartElement("testcase");
        w.WriteAttributeString("classname", suite + "." + CheckFacts.Kind(c.Spec));
        w.WriteAttributeString("name", XmlSafe.Clean($"{c.Spec.Id}: {c.Spec.Title}"));
        w.WriteAttributeString("time", "0");
        if (c.Spec.Location is { } loc)
        {
            w.WriteAttributeString("file", XmlSafe.Clean(loc.File));
            w.WriteAttributeString("line", NumberText.Plain(loc.Line));
        }

        var message = XmlSafe.Clean(c.Reason);
        if (IsFailure(c))
        {
            w.WriteStartElement("failure");
            w.WriteAttributeString("message", message);
            w.WriteAttributeString("type", CheckFacts.Word(c.Verdict) + "." + CheckFacts.Word(c.Spec.Severity));
            w.WriteString(detail);
            w.WriteEndElement();
        }
        else if (c.Verdict is Verdict.Inconclusive or Verdict.Skipped)
        {
            w.WriteStartElement("skipped");
            w.WriteAttributeString("message", message);
            w.WriteEndElement();
            w.WriteElementString("system-out", detail);
        }
        else if (c.Verdict == Verdict.Waived || c.WaiverExpired)
        {
            w.WriteElementString("system-out", detail);
        }

        w.WriteEndElement();
    }

    private static string Detail(CheckResult c)
    {
        var lines = new List<string>
        {
            $"verdict: {CheckFacts.Word(c.Verdict)} (severity {CheckFacts.Word(c.Spec.Severity)}{(c.Blocks ? ", blocks the gate" : string.Empty)})",
            $"candidate: {NumberText.Estimate(c.Candidate)}",
            $"baseline: {NumberText.Estimate(c.Baseline)}",
            $"delta: {NumberText.Delta(c.Delta)}",
            $"threshold: {c.Threshold}",
            $"decided by: {CheckFacts.DecidedBy(c)}",
        };
        if (c.Spec.Location is { } loc)
        {
            lines.Add($"policy: {loc}");
        }

        return string.Join("\n", lines);
    }

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
