using ModelGate.Cli.Tests.Support;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Models from different exporters gated as they come (examples/wine-*, diabetes-regression, and
/// tests/fixtures/models/zipmap_int64_wine.onnx, all made by examples/make_first_ten_minutes.py): input names that
/// disagree (<c>X</c>, <c>float_input</c>, <c>input</c>), and text class labels mapped to output columns by
/// <c>models.classes</c>, by ZipMap keys or by a classifier's class-label metadata, or refused naming the choices.
/// </summary>
public sealed class ExporterMismatchTests
{
    [Theory]
    [InlineData("wine-skl2onnx", ExitCodes.Passed)]        // X and float_input, the baseline by its own mapping
    [InlineData("wine-pytorch", ExitCodes.GateFailed)]     // input and X, the baseline by the one-input default
    [InlineData("diabetes-regression", ExitCodes.Passed)]  // X and input, each model by its own mapping
    public async Task Candidate_and_baseline_with_different_input_names_are_gated(string example, int exitCode)
    {
        using var scratch = Repository(example);
        var run = await CheckAsync(scratch);
        Assert.True(run.ExitCode == exitCode, run.ToString());
    }

    [Fact]
    public async Task A_baseline_with_one_input_takes_the_one_mapping_whatever_its_name_and_the_log_says_so()
    {
        using var scratch = Repository("wine-pytorch");
        var run = await CheckAsync(scratch);
        Assert.Contains("data.inputs names input 'input', but the baseline's only input is 'X': its columns go to 'X'", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mapping_that_names_no_input_of_the_model_says_its_real_inputs_and_the_fix()
    {
        using var scratch = Edit(Repository("wine-skl2onnx"), "      float_input: [", "      extra: [alcohol]\n      X: [");
        var line = await RefusedAsync(scratch);
        Says(line, "model input 'extra', but the baseline's inputs are 'float_input'",
            "models.baseline: { path: ..., inputs: { float_input: [...] } }");
    }

    [Fact]
    public async Task Text_labels_name_the_logits_columns_by_the_policy_key()
    {
        using var scratch = CandidateAlone("wine-pytorch");
        var run = await CheckAsync(scratch);
        // The undertrained model fails on its merits: every label found its column.
        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
    }

    [Fact]
    public async Task Text_labels_for_logits_without_the_policy_key_are_refused_naming_the_labels_the_columns_and_the_key()
    {
        using var scratch = Edit(CandidateAlone("wine-pytorch"), "  classes: [barbera, barolo, grignolino]", "  # classes: not given");
        var line = await RefusedAsync(scratch);
        Says(line, "not one of the model's output classes [0, 1, 2] (numbered 0..2: output 'logits' has no ZipMap keys",
            "the column holds 'barbera', 'barolo', 'grignolino'",
            "set models.classes to the labels in output-column order, e.g. classes: [barbera, barolo, grignolino]");
    }

    [Fact]
    public async Task Text_labels_map_onto_int64_ZipMap_keys_by_the_policy_key()
    {
        using var scratch = CandidateAlone("wine-skl2onnx", RepoPaths.Fixture("models", "zipmap_int64_wine.onnx"));
        Edit(scratch, "  candidate: models/candidate.onnx\n", "  candidate: models/candidate.onnx\n  classes: [barolo, grignolino, barbera]   # trained on 0, 1, 2\n");
        var run = await CheckAsync(scratch);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
    }

    [Fact]
    public async Task Int64_ZipMap_keys_that_are_not_the_labels_are_refused_naming_the_keys()
    {
        using var scratch = CandidateAlone("wine-skl2onnx", RepoPaths.Fixture("models", "zipmap_int64_wine.onnx"));
        var line = await RefusedAsync(scratch);
        Says(line, "[0, 1, 2] (the ZipMap keys of output 'output_probability')",
            "models.classes");
    }

    [Fact]
    public async Task Text_labels_map_onto_a_probability_tensor_by_the_classifiers_metadata()
    {
        // skl2onnx with zipmap=False: a bare [N, 3] tensor; the names are only in TreeEnsembleClassifier's classlabels_strings.
        var model = RepoPaths.Example("wine-skl2onnx", "models", "baseline.onnx");
        var metadata = ClassLabelMetadata.TryRead(model);
        Assert.NotNull(metadata);
        Assert.Equal(["barbera", "barolo", "grignolino"], metadata.Labels);
        Assert.Equal("the TreeEnsembleClassifier node's classlabels_strings", metadata.Source);
        Assert.Null(ClassLabelMetadata.TryRead(RepoPaths.Example("wine-pytorch", "models", "candidate.onnx")));   // no classifier node
        Assert.Null(ClassLabelMetadata.TryRead(RepoPaths.Path("tests", "fixtures", "README.md")));                 // not a ModelProto

        using var scratch = CandidateAlone("wine-skl2onnx", model);
        var run = await CheckAsync(scratch);
        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
    }

    [Fact]
    public async Task A_policy_key_that_disagrees_with_the_models_own_labels_is_refused_naming_both()
    {
        using var scratch = Repository("wine-skl2onnx");
        Edit(scratch, "  baseline:", "  classes: [red, white, rose]\n  baseline:");
        var line = await RefusedAsync(scratch);
        Says(line, "models.classes [red, white, rose] disagrees with the candidate's own class labels [barbera, barolo, grignolino] (the ZipMap keys of output 'output_probability'");
    }

    [Fact]
    public async Task The_per_model_form_validates_and_prints_resolved()
    {
        var run = await CliHarness.RunAsync(["validate", "--policy", "examples/diabetes-regression/modelgate.yml", "--print"]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Contains("  baseline:\n    path: models/baseline.onnx\n    inputs:\n      input: [age, bmi, bp, s1, s2, s3, s4, s5, s6]\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static TempFolder Repository(string example)
    {
        var scratch = new TempFolder("cli");
        ExampleCopy.Into(scratch, example);
        Directory.CreateDirectory(scratch.File(".git"));
        return scratch;
    }

    // The example with its baseline taken out of the policy (the key and any lines indented under it), the candidate
    // replaced by another model when one is given.
    private static TempFolder CandidateAlone(string example, string? candidate = null)
    {
        var scratch = Repository(example);
        if (candidate is not null)
        {
            File.Copy(candidate, scratch.File("models", "candidate.onnx"), overwrite: true);
        }

        var path = scratch.File("modelgate.yml");
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in File.ReadAllLines(path))
        {
            skipping = line.StartsWith("  baseline:", StringComparison.Ordinal) || (skipping && line.StartsWith("    ", StringComparison.Ordinal));
            if (!skipping)
            {
                kept.Add(line);
            }
        }

        File.WriteAllLines(path, kept);
        return scratch;
    }

    private static TempFolder Edit(TempFolder scratch, string from, string to)
    {
        var path = scratch.File("modelgate.yml");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return scratch;
    }

    // A model/data mismatch: exit 3 and one error line, which is returned.
    private static async Task<string> RefusedAsync(TempFolder scratch)
    {
        var run = await CheckAsync(scratch);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        return Assert.Single(run.ErrorLines, IsError);
    }

    private static void Says(string line, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, line, StringComparison.Ordinal);
        }
    }

    private static bool IsError(string line) =>
        line.StartsWith("modelgate: ", StringComparison.Ordinal) && !line.StartsWith("modelgate: warning", StringComparison.Ordinal);

    private static Task<CliRun> CheckAsync(TempFolder scratch) =>
        CliHarness.RunAsync(["check", "--policy", "modelgate.yml", "--out", "out", "--format", "json"], scratch.Path);
}
