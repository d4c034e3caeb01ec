using System.Text.Json;

namespace ModelGate.GitHub.Actions;

/// <summary>The action's outputs: <c>verdict</c>, <c>report-markdown</c>, <c>report-json</c>, <c>failed-checks</c>.</summary>
/// <param name="Verdict">The gate's verdict, lower case (pass, fail, inconclusive).</param>
/// <param name="ReportMarkdown">The Markdown report.</param>
/// <param name="ReportJson">The JSON report.</param>
/// <param name="FailedChecks">The ids of failing checks, written as a JSON array (use <c>fromJSON()</c> in a workflow).</param>
internal sealed record GateOutputs(string Verdict, string ReportMarkdown, string ReportJson, IReadOnlyList<string> FailedChecks)
{
    /// <summary>The outputs as name/value pairs, in a stable order.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToPairs()
    {
        yield return new("verdict", Verdict);
        yield return new("report-markdown", ReportMarkdown);
        yield return new("report-json", ReportJson);
        yield return new("failed-checks", JsonSerializer.Serialize(FailedChecks, OutputJson.Default.IReadOnlyListString));
    }

    /// <summary>Appends the outputs to the <c>$GITHUB_OUTPUT</c> file at <paramref name="path"/>.</summary>
    public void AppendTo(string path) => ActionsOutputs.Append(path, ToPairs());
}

/// <summary>Source-generated serialisation for output values.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class OutputJson : System.Text.Json.Serialization.JsonSerializerContext;
