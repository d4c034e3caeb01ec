using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ModelGate.Cli.Init;
using ModelGate.Cli.Tests.Support;
using ModelGate.Core;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Tests;

/// <summary>
/// <c>init</c> on real models and holdouts: the policy it writes validates and runs, its features are the model's
/// (never ids, labels or text), its slices are low-cardinality, and what it cannot decide it says.
/// </summary>
public sealed partial class InitTests
{
    public static TheoryData<string, bool> ExampleRuns()
    {
        var data = new TheoryData<string, bool>();

        // init drafts policies for numeric columns; image and text inputs are declared by hand (data.images, data.text).
        foreach (var example in RepoPaths.ExampleNames.Except(RepoPaths.MediaExampleNames))
        {
            data.Add(example, true);
            data.Add(example, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleRuns))]
    public async Task Init_then_validate_then_check_gives_a_verdict_on_every_example(string example, bool withBaseline)
    {
        // The example's files in a repository of their own, as a user has them: init's policy must pass the path rule
        // (files inside the repository) without --allow-outside-root.
        using var scratch = new TempFolder("cli");
        ExampleCopy.Into(scratch, example);
        Directory.CreateDirectory(scratch.File(".git"));
        var policy = scratch.File("modelgate.init.yml");
        string[] baseline = withBaseline ? ["--baseline", "models/baseline.onnx"] : [];
        var init = await CliHarness.RunAsync(["init", "--model", "models/candidate.onnx", .. baseline,
            "--holdout", "data/holdout.csv", "--out", policy], scratch.Path);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.ToString());
        var yaml = File.ReadAllText(policy);
        if (!withBaseline)
        {
            // The bounds are live, not commented out, and say where they came from.
            Assert.Matches(@"(?m)^    at_(least|most): -?[0-9.]+   # set by init a little (below|above) the candidate's own 95% interval", yaml);
        }

        var validate = await CliHarness.RunAsync(["validate", "--policy", policy]);
        Assert.True(validate.ExitCode == ExitCodes.Passed, validate + "\n--- policy\n" + yaml);
        var check = await AssertVerdictAsync(scratch, policy, insideRepository: true);
        if (!withBaseline)
        {
            // Bounds set from the candidate's own interval pass on the holdout they were measured on.
            Assert.True(check.ExitCode == ExitCodes.Passed, check + "\n--- policy\n" + yaml);
        }
    }

    [Fact]
    public async Task Features_are_never_the_row_id_the_label_or_text_columns()
    {
        using var scratch = new TempFolder("cli");
        var holdout = SlidWith(scratch, ("row_id", (i, _) => (i + 1).ToString(CultureInfo.InvariantCulture)), ("comment", (i, _) => $"note {i % 7}"));
        var policy = scratch.File("modelgate.yml");
        var yaml = await InitAsync(policy, "--model", RepoPaths.Fixture("models", "regressor_slid.onnx"), "--holdout", holdout);
        AssertHas(yaml, "  label: wages\n", "    input: [education, age]   #", "task: regression");
        await AssertVerdictAsync(scratch, policy);
    }

    [Fact]
    public async Task Slices_are_on_low_cardinality_columns_the_band_rather_than_the_continuous_column()
    {
        using var scratch = new TempFolder("cli");
        var holdout = SlidWith(scratch, ("age_band", (_, row) => Band(row)));
        var policy = scratch.File("modelgate.yml");
        var yaml = await InitAsync(policy, "--model", RepoPaths.Fixture("models", "regressor_slid.onnx"), "--holdout", holdout, "--label", "wages");
        var sliced = SliceColumn().Matches(yaml).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("age_band", sliced);
        Assert.DoesNotContain("age", sliced);
        Assert.DoesNotContain("wages", sliced);
        Assert.DoesNotContain("education", sliced);
        var validate = await CliHarness.RunAsync(["validate", "--policy", policy, "--allow-outside-root"]);
        Assert.True(validate.ExitCode == ExitCodes.Passed, validate + "\n--- policy\n" + yaml);
    }

    [Fact]
    public async Task A_model_narrower_than_the_numeric_columns_is_refused_with_the_columns_and_the_fix()
    {
        using var scratch = new TempFolder("cli");
        var holdout = SlidWith(scratch, ("hours", (i, _) => (20 + (i % 30)).ToString(CultureInfo.InvariantCulture)));
        var policy = scratch.File("modelgate.yml");
        var init = await CliHarness.RunAsync(["init", "--model", RepoPaths.Fixture("models", "regressor_slid.onnx"), "--holdout", holdout, "--label", "wages", "--out", policy]);
        Assert.Equal(ExitCodes.UsageOrPolicyError, init.ExitCode);
        var line = Assert.Single(init.ErrorLines);
        Assert.Contains("takes 2 values per row", line, StringComparison.Ordinal);
        Assert.Contains("3 numeric feature columns (education, age, hours)", line, StringComparison.Ordinal);
        Assert.Contains("--features", line, StringComparison.Ordinal);
        Assert.False(File.Exists(policy));

        var chosen = await CliHarness.RunAsync(["init", "--model", RepoPaths.Fixture("models", "regressor_slid.onnx"), "--holdout", holdout, "--label", "wages",
            "--features", "age,education", "--out", policy]);
        Assert.True(chosen.ExitCode == ExitCodes.Passed, chosen.ToString());
        Assert.Contains("    input: [age, education]   # as named with --features", File.ReadAllText(policy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_whose_input_names_differ_is_stated_not_ignored()
    {
        using var scratch = new TempFolder("cli");
        var policy = scratch.File("modelgate.yml");
        var init = await CliHarness.RunAsync(["init", "--model", RepoPaths.Example("arrests-fairness", "models", "candidate.onnx"),
            "--baseline", RepoPaths.Fixture("models", "per_column_arrests.onnx"), "--holdout", RepoPaths.Fixture("data", "arrests.holdout.csv"), "--label", "released", "--out", policy]);
        Assert.Equal(ExitCodes.InputError, init.ExitCode);
        var line = Assert.Single(init.ErrorLines);
        Assert.Contains("the candidate's input is 'input' but the baseline's inputs are 'age', 'year'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(policy));
    }

    [Fact]
    public async Task A_baseline_with_per_column_inputs_is_mapped_by_its_names()
    {
        using var scratch = new TempFolder("cli");
        var policy = scratch.File("modelgate.yml");
        var model = RepoPaths.Fixture("models", "per_column_arrests.onnx");
        var yaml = await InitAsync(policy, "--model", model, "--baseline", model, "--holdout", RepoPaths.Fixture("data", "arrests.holdout.csv"), "--label", "released");
        AssertHas(yaml, "per_column: true", "  label: released\n");
        await AssertVerdictAsync(scratch, policy);
    }

    [Fact]
    public async Task An_image_input_is_fed_its_columns_reshaped_to_the_models_shape()
    {
        using var scratch = new TempFolder("cli");
        var policy = scratch.File("modelgate.yml");
        var yaml = await InitAsync(policy, "--model", RepoPaths.Fixture("models", "cnn_digits.onnx"), "--holdout", RepoPaths.Fixture("data", "digits.holdout.csv"));
        AssertHas(yaml, "task: multiclass", "shape: [1, 8, 8] }");
        await AssertVerdictAsync(scratch, policy);
    }

    [Fact]
    public async Task Interactive_without_a_terminal_behaves_as_plain_init()
    {
        using var scratch = new TempFolder("cli");
        var plain = scratch.File("plain.yml");
        var asked = scratch.File("asked.yml");
        string[] common = ["init", "--model", RepoPaths.Fixture("models", "regressor_slid.onnx"), "--holdout", RepoPaths.Fixture("data", "slid.holdout.csv"), "--label", "wages"];
        var first = await CliHarness.RunAsync([.. common, "--out", plain]);
        var second = await CliHarness.RunAsync([.. common, "--interactive", "--out", asked]);
        Assert.True(first.ExitCode == ExitCodes.Passed && second.ExitCode == ExitCodes.Passed, first + "\n" + second);
        Assert.Equal(File.ReadAllText(plain), File.ReadAllText(asked));
    }

    [Fact]
    public void Interactive_answers_replace_the_guesses_and_enter_keeps_them()
    {
        var output = new StringWriter();
        var prompts = new InitPrompts(new StringReader("\nregresion\nmulticlass\n"), output);
        Assert.Equal("y", prompts.Label("y", ["x", "y"]));
        Assert.Equal(TaskKind.Multiclass, prompts.Task(TaskKind.Binary, "guess"));
        Assert.Contains("'regresion' is not one of the choices", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, TaskKind.Multiclass)]
    [InlineData(2, TaskKind.Binary)]
    public void A_zipmap_is_multiclass_when_the_label_has_more_than_two_values(int classes, object expectedTask)
    {
        var expected = (TaskKind)expectedTask;
        var zipMap = new ModelPort("output_probability", new SequenceValueType(new MapValueType(TensorElementType.String, new TensorValueType(TensorElementType.Float, []))));
        var label = new ModelPort("output_label", new TensorValueType(TensorElementType.String, [new Dimension(null, "N")]));
        var signature = new ModelSignature([new ModelPort("X", new TensorValueType(TensorElementType.Float, [new Dimension(null, "N"), new Dimension(13, null)]))],
            [label, zipMap], new ModelMetadata());
        var (task, _) = TaskInference.Infer(signature, "target", classes, numericLabel: false);
        Assert.Equal(expected, task);
    }

    private static void AssertHas(string yaml, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, yaml, StringComparison.Ordinal);
        }
    }

    private static async Task<string> InitAsync(string policy, params string[] args)
    {
        var init = await CliHarness.RunAsync(["init", .. args, "--out", policy]);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.ToString());
        return File.ReadAllText(policy);
    }

    // Tests that read fixtures from the repository write their policy in a scratch folder outside it: they allow that.
    private static async Task<CliRun> AssertVerdictAsync(TempFolder scratch, string policy, bool insideRepository = false)
    {
        string[] outside = insideRepository ? [] : ["--allow-outside-root"];
        var check = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json", .. outside]);
        Assert.True(check.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, check + "\n--- policy\n" + File.ReadAllText(policy));
        return check;
    }

    private static string SlidWith(TempFolder scratch, params (string Name, Func<int, string[], string> Value)[] extra)
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("data", "slid.holdout.csv"));
        var text = new StringBuilder();
        var header = lines[0].Split(',');
        text.Append(string.Join(',', header.Concat(extra.Select(e => e.Name)))).Append('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var row = lines[i].Split(',');
            text.Append(string.Join(',', row.Concat(extra.Select(e => e.Value(i, row))))).Append('\n');
        }

        // An id column goes first, where exporters usually put it.
        var written = text.ToString();
        if (extra.Any(e => e.Name == "row_id"))
        {
            written = MoveLastColumnFirst(written, extra.Length - 1 - Array.FindIndex(extra, e => e.Name == "row_id"));
        }

        return scratch.Write("holdout.csv", written);
    }

    private static string MoveLastColumnFirst(string csv, int fromEnd) => string.Join('\n', csv.Split('\n').Select(line =>
    {
        if (line.Length == 0)
        {
            return line;
        }

        var cells = line.Split(',').ToList();
        var at = cells.Count - 1 - fromEnd;
        var cell = cells[at];
        cells.RemoveAt(at);
        return string.Join(',', [cell, .. cells]);
    }));

    private static string Band(string[] row)
    {
        var age = double.Parse(row[2], CultureInfo.InvariantCulture);
        return age < 30 ? "under_30" : age < 50 ? "30_to_49" : "50_plus";
    }

    [GeneratedRegex(@"(?m)^  by_\w+: \{ column: (\S+) \}")]
    private static partial Regex SliceColumn();
}
