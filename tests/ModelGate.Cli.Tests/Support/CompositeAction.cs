using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ModelGate.Cli.Tests.Support;

/// <summary>
/// Runs a composite action.yml the way the Actions runner does, as far as a test machine can: inputs with their defaults,
/// each step's <c>if:</c>, <c>env:</c> and <c>run:</c> (bash -eo pipefail, like <c>shell: bash</c>), GITHUB_OUTPUT per step,
/// GITHUB_ENV carried to later steps, and the action's outputs. <c>uses:</c> steps are recorded, not run. An expression this
/// runner does not understand fails the test, so action.yml cannot grow one that was never exercised.
/// </summary>
internal sealed partial class CompositeAction(string actionFile)
{
    /// <summary>One step as the simulated runner saw it.</summary>
    internal sealed record StepRecord(string Name, string? Id, bool Ran, string? Uses, CliRun? Run);

    /// <summary>The result of running every step; <c>StepOutputs</c> are keyed <c>steps.ID.outputs.NAME</c>.</summary>
    internal sealed record Outcome(IReadOnlyList<StepRecord> Steps, IReadOnlyDictionary<string, string> Outputs, string Summary,
        IReadOnlyDictionary<string, string> StepOutputs)
    {
        /// <summary>The first run step that failed, or null when every step succeeded.</summary>
        public StepRecord? Failed => Steps.FirstOrDefault(s => s.Run is { ExitCode: not 0 });

        /// <summary>Everything the run steps printed, for assertions and failure messages.</summary>
        public string Log => string.Join("\n", Steps.Where(s => s.Run is not null).Select(s => $"--- {s.Name} (exit {s.Run!.ExitCode})\n{s.Run}"));
    }

    /// <summary>Runs the action in <paramref name="workspace"/> with <paramref name="inputs"/> over the defaults.</summary>
    public async Task<Outcome> RunAsync(string workspace, string runnerTemp, IReadOnlyDictionary<string, string> inputs,
        IReadOnlyDictionary<string, string> environment, TimeSpan stepTimeout)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(actionFile))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in Map(root, "inputs"))
        {
            values[$"inputs.{Scalar(key)}"] = Text(node, "default") ?? string.Empty;
        }

        foreach (var (name, value) in inputs)
        {
            Assert.True(values.ContainsKey($"inputs.{name}"), $"action.yml has no input '{name}'");
            values[$"inputs.{name}"] = value;
        }

        values["runner.temp"] = runnerTemp;
        values["runner.os"] = OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : "Linux";
        values["github.token"] = environment.GetValueOrDefault("GITHUB_TOKEN", string.Empty);

        var summary = Path.Combine(runnerTemp, "step-summary.md");
        File.WriteAllText(summary, string.Empty);
        var env = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["RUNNER_TEMP"] = runnerTemp,
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_ACTION_PATH"] = Path.GetDirectoryName(Path.GetFullPath(actionFile))!,
            ["GITHUB_STEP_SUMMARY"] = summary,
        };

        var runs = (YamlMappingNode)root.Children[new YamlScalarNode("runs")];
        Assert.Equal("composite", Text(runs, "using"));
        var records = new List<StepRecord>();
        var index = 0;
        foreach (var step in ((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
        {
            index++;
            var name = Text(step, "name") ?? $"step {index}";
            var id = Text(step, "id");
            if (Text(step, "if") is { } condition && !Condition(condition, values))
            {
                records.Add(new StepRecord(name, id, Ran: false, Text(step, "uses"), null));
                continue;
            }

            if (Text(step, "uses") is { } uses)
            {
                // A marketplace action (setup-dotnet, cache) is the runner's business; its inputs must still evaluate.
                foreach (var (_, with) in Map(step, "with"))
                {
                    Interpolate(Scalar(with), values);
                }

                records.Add(new StepRecord(name, id, Ran: true, uses, null));
                continue;
            }

            Assert.Equal("bash", Text(step, "shell"));
            var outputFile = Path.Combine(runnerTemp, $"output-{index}.txt");
            var envFile = Path.Combine(runnerTemp, $"env-{index}.txt");
            File.WriteAllText(outputFile, string.Empty);
            File.WriteAllText(envFile, string.Empty);
            var stepEnv = new Dictionary<string, string>(env, StringComparer.Ordinal) { ["GITHUB_OUTPUT"] = outputFile, ["GITHUB_ENV"] = envFile };
            foreach (var (key, node) in Map(step, "env"))
            {
                stepEnv[Scalar(key)] = Interpolate(Scalar(node), values);
            }

            var script = Path.Combine(runnerTemp, $"step-{index}.sh");
            File.WriteAllText(script, Interpolate(Text(step, "run") ?? string.Empty, values));
            var run = await ProcessRun.RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], workspace, stepEnv, stepTimeout);
            records.Add(new StepRecord(name, id, Ran: true, null, run));
            if (id is not null)
            {
                foreach (var (key, value) in RunnerOutputs.Parse(File.ReadAllText(outputFile)))
                {
                    values[$"steps.{id}.outputs.{key}"] = value;
                }
            }

            foreach (var (key, value) in RunnerOutputs.Parse(File.ReadAllText(envFile)))
            {
                env[key] = value;
            }

            if (run.ExitCode != 0)
            {
                break;
            }
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in Map(root, "outputs"))
        {
            outputs[Scalar(key)] = Interpolate(Text(node, "value") ?? string.Empty, values);
        }

        return new Outcome(records, outputs, File.ReadAllText(summary),
            values.Where(v => v.Key.StartsWith("steps.", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal));
    }

    // ${{ a.b.c }} with a value known to this runner; anything else (functions, operators, unknown contexts) fails the test.
    private static string Interpolate(string text, IReadOnlyDictionary<string, string> values) =>
        Expression().Replace(text, m => Value(m.Groups["expr"].Value.Trim(), values));

    // The runner's conditions as action.yml uses them: terms joined by &&, each `a == 'x'` or `a != 'x'`.
    private static bool Condition(string condition, IReadOnlyDictionary<string, string> values) =>
        condition.Split("&&").All(term =>
        {
            var match = Comparison().Match(term.Trim());
            Assert.True(match.Success, $"the simulated runner cannot evaluate the condition '{condition}'");
            var equal = string.Equals(Value(match.Groups["left"].Value, values), match.Groups["right"].Value, StringComparison.Ordinal);
            return match.Groups["op"].Value == "==" ? equal : !equal;
        });

    private static string Value(string expression, IReadOnlyDictionary<string, string> values)
    {
        if (values.TryGetValue(expression, out var value))
        {
            return value;
        }

        // A step output that was never written is the empty string, as on the runner.
        Assert.True(expression.StartsWith("steps.", StringComparison.Ordinal), $"the simulated runner does not know '{expression}'");
        return string.Empty;
    }

    private static IEnumerable<(YamlNode Key, YamlNode Value)> Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map.Children.Select(e => (e.Key, e.Value))
            : [];

    private static string? Text(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode s ? s.Value : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    [GeneratedRegex(@"\$\{\{(?<expr>.*?)\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^(?<left>[A-Za-z0-9_.\-]+)\s*(?<op>==|!=)\s*'(?<right>[^']*)'$")]
    private static partial Regex Comparison();
}
