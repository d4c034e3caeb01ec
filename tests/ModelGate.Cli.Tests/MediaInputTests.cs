using System.Text.Json.Nodes;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// <c>modelgate check</c> with image and text inputs (data.images, data.text) on copies of the digits-images and
/// debian-text examples: bad rows are one-line input errors (exit 3) naming the file, line, column and the fix; long
/// texts are cut and counted in the reports, or refused. (StreamingScorerTests covers many chunks against one pass.)
/// </summary>
public sealed class MediaInputTests
{
    public static TheoryData<string, string[]> BadImages => new()
    {
        { "missing", ["holdout.csv: line 3, column 'image'", "the image 'images/nowhere.png' does not exist", "check the path, relative to the holdout file's folder"] },
        { "outside", ["holdout.csv: line 3, column 'image'", "leads out of the holdout's folder", "keep the images in the holdout's folder or below it"] },
        { "corrupt", ["holdout.csv: line 3, column 'image'", "images/0773.png"] },
        { "too many pixels", ["holdout.csv: line 2, column 'image'", "32 × 32 = 1,024 pixels, over the limit of 1,000", "raise images.max_pixels"] },
        { "other size", ["input 'image' expects", "data.images or data.text entry"] },
        { "other dtype", ["data.images.image.dtype is float16, but the candidate's input 'image' is"] },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task A_bad_image_input_is_exit_3_with_one_line_naming_it_and_the_fix(string problem, string[] expected)
    {
        using var scratch = Example("digits-images", rows: 40);
        Action edit = problem switch
        {
            "missing" => () => Edit(scratch, "data/holdout.csv", s => s.Replace("images/0773.png", "images/nowhere.png", StringComparison.Ordinal)),
            "outside" => () => Edit(scratch, "data/holdout.csv", s => s.Replace("images/0773.png", "../modelgate.yml", StringComparison.Ordinal)),
            "corrupt" => () =>
            {
                var png = File.ReadAllBytes(scratch.File("data", "images", "0773.png"));
                File.WriteAllBytes(scratch.File("data", "images", "0773.png"), png[..(png.Length / 2)]);
            },
            "too many pixels" => () => Edit(scratch, "modelgate.yml", s => s.Replace("      dtype: float32\n", "      dtype: float32\n      max_pixels: 1000\n", StringComparison.Ordinal)),
            "other size" => () => Edit(scratch, "modelgate.yml", s => s.Replace("size: [16, 16]", "size: [20, 20]", StringComparison.Ordinal)),
            _ => () => Edit(scratch, "modelgate.yml", s => s.Replace("dtype: float32", "dtype: float16", StringComparison.Ordinal)),
        };
        edit();
        var line = await FailsWithOneLine(scratch);
        foreach (var part in expected)
        {
            Assert.Contains(part, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Long_texts_are_cut_and_counted_in_the_markdown_and_json_reports()
    {
        // Every description fits the models' 32 tokens; ten made longer than 30 WordPiece tokens are cut.
        using var scratch = Example("debian-text", rows: 200);
        Lengthen(scratch, 10, 1);
        var run = await CliHarness.RunAsync(["check", "--policy", "modelgate.yml", "--out", "out"], scratch.Path);
        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
        var json = JsonNode.Parse(File.ReadAllText(scratch.File("out", "report.json")))!;
        var text = json["provenance"]!["textInputs"]![0]!;
        Assert.Equal("description", text["column"]!.GetValue<string>());
        Assert.Equal(200, text["rows"]!.GetValue<int>());
        Assert.Equal(32, text["maxLength"]!.GetValue<int>());
        Assert.Equal("truncate", text["overflow"]!.GetValue<string>());
        Assert.Equal(10, text["truncated"]!.GetValue<int>());
        Assert.Contains("| `description` | 200 | 32 | 10 (5.00%) |", File.ReadAllText(scratch.File("out", "report.md")), StringComparison.Ordinal);
        Assert.Contains("10 of 200 texts in column 'description' have more tokens than max_length 32", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tiktoken_text_input_runs_end_to_end_and_counts_the_texts_cut()
    {
        // The debian-text example with tokenizer: tiktoken (cl100k_base) and two hashed bag-of-ids models
        // (tests/fixtures/text/tiktoken/make_models.py) whose inputs take ids of the 100k vocabulary.
        using var scratch = WithHashedBagModels(Example("debian-text", rows: 200));
        Edit(scratch, "modelgate.yml", s => s.Replace(WordPieceKeys, "      tokenizer: tiktoken\n      encoding: cl100k_base\n", StringComparison.Ordinal));
        Lengthen(scratch, 10, 1);
        var run = await CliHarness.RunAsync(["check", "--policy", "modelgate.yml", "--out", "out"], scratch.Path);
        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
        var text = JsonNode.Parse(File.ReadAllText(scratch.File("out", "report.json")))!["provenance"]!["textInputs"]![0]!;
        Assert.Equal(200, text["rows"]!.GetValue<int>());
        Assert.Equal(32, text["maxLength"]!.GetValue<int>());
        Assert.InRange(text["truncated"]!.GetValue<int>(), 10, 199);

        Edit(scratch, "modelgate.yml", s => s.Replace("overflow: truncate", "overflow: refuse", StringComparison.Ordinal));
        var error = await FailsWithOneLine(scratch);
        Assert.Contains("column 'description': the text is ", error, StringComparison.Ordinal);
        Assert.Contains("that fit in max_length 32; shorten it", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sentencepiece_text_input_runs_end_to_end_and_a_file_that_is_no_model_is_one_line()
    {
        // The debian-text example with tokenizer: sentencepiece (Mistral 7B's BPE model with byte fallback, committed under
        // tests/fixtures/text/sentencepiece) and the hashed bag-of-ids models of the tiktoken test (ids mod 4096).
        using var scratch = WithHashedBagModels(Example("debian-text", rows: 200));
        File.Copy(RepoPaths.Fixture("text", "sentencepiece", "tokenizer.model.v1"), scratch.File("tokenizer.model"));
        Edit(scratch, "modelgate.yml", s => s.Replace(WordPieceKeys, "      tokenizer: sentencepiece\n      vocabulary: tokenizer.model\n      add_eos: true\n", StringComparison.Ordinal));
        Lengthen(scratch, 10, 1);
        var run = await CliHarness.RunAsync(["check", "--policy", "modelgate.yml", "--out", "out"], scratch.Path);
        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
        var text = JsonNode.Parse(File.ReadAllText(scratch.File("out", "report.json")))!["provenance"]!["textInputs"]![0]!;
        Assert.Equal(200, text["rows"]!.GetValue<int>());
        Assert.InRange(text["truncated"]!.GetValue<int>(), 10, 199);

        Edit(scratch, "modelgate.yml", s => s.Replace("overflow: truncate", "overflow: refuse", StringComparison.Ordinal));
        var error = await FailsWithOneLine(scratch);
        Assert.Contains("that fit in max_length 32 with <s> and </s>; shorten it", error, StringComparison.Ordinal);

        File.Copy(scratch.File("vocab.txt"), scratch.File("tokenizer.model"), overwrite: true);
        error = await FailsWithOneLine(scratch);
        Assert.Contains("column 'description': the SentencePiece model '", error, StringComparison.Ordinal);
        Assert.Contains("tokenizer.model' is not a SentencePiece model file; give the SentencePiece .model file the model was trained with", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_overflow_refuse_a_long_text_is_exit_3_naming_the_row()
    {
        using var scratch = Example("debian-text", rows: 50);
        var line = Lengthen(scratch, 1, 20);
        Edit(scratch, "modelgate.yml", s => s.Replace("overflow: truncate", "overflow: refuse", StringComparison.Ordinal));
        var error = await FailsWithOneLine(scratch);
        Assert.Contains($"holdout.csv: line {line}, column 'description'", error, StringComparison.Ordinal);
        Assert.Contains("that fit in max_length 32", error, StringComparison.Ordinal);
        Assert.Contains("set text.overflow: truncate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Texts_encoded_on_every_core_name_the_first_row_refused_whichever_thread_met_it()
    {
        // 1,500 rows are one chunk, encoded in ranges of rows on every core: a long text in the first range and one in
        // the last; the error names the first, as a one-thread run would.
        using var scratch = Example("debian-text", rows: 1500);
        var first = Lengthen(scratch, 1, 600);
        Lengthen(scratch, 1, 1400);
        Edit(scratch, "modelgate.yml", s => s.Replace("overflow: truncate", "overflow: refuse", StringComparison.Ordinal));
        var error = await FailsWithOneLine(scratch);
        Assert.Contains($"holdout.csv: line {first}, column 'description'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_input_name_the_model_lacks_is_a_one_line_error_with_its_inputs()
    {
        using var scratch = Example("debian-text", rows: 50);
        Edit(scratch, "modelgate.yml", s => s.Replace("mask: attention_mask", "mask: attention_mask\n        types: token_type_ids", StringComparison.Ordinal));
        var line = await FailsWithOneLine(scratch);
        Assert.Contains("data.text.description.inputs.types names model input 'token_type_ids', but the candidate's inputs are 'input_ids', 'attention_mask'", line, StringComparison.Ordinal);
    }

    private const string WordPieceKeys = "      tokenizer: wordpiece\n      vocabulary: vocab.txt          # relative to this file\n      uncased: true\n";

    // The two hashed bag-of-ids models of tests/fixtures/text/tiktoken/make_models.py in place of the example's: they take
    // any ids (mod 4096), so any tokenizer's.
    private static TempFolder WithHashedBagModels(TempFolder scratch)
    {
        foreach (var model in new[] { "candidate.onnx", "baseline.onnx" })
        {
            File.Copy(RepoPaths.Fixture("text", "tiktoken", model), scratch.File("models", model), overwrite: true);
        }

        return scratch;
    }

    private static TempFolder Example(string name, int rows)
    {
        var scratch = new TempFolder("media");
        ExampleCopy.Into(scratch, name);
        Directory.CreateDirectory(scratch.File(".git"));
        var holdout = scratch.File("data", "holdout.csv");
        File.WriteAllLines(holdout, File.ReadAllLines(holdout).Take(rows + 1));
        return scratch;
    }

    // Makes `count` unquoted descriptions from data row `from` on 40 words longer; returns the file line of the first.
    private static int Lengthen(TempFolder scratch, int count, int from)
    {
        var path = scratch.File("data", "holdout.csv");
        var lines = File.ReadAllLines(path);
        var first = 0;
        for (var i = from; i < lines.Length && count > 0; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            if (lines[i][comma + 1] == '"')
            {
                continue;
            }

            lines[i] = string.Concat(lines[i].AsSpan(0, comma + 1), string.Concat(Enumerable.Repeat("game ", 40)), lines[i].AsSpan(comma + 1));
            first = first == 0 ? i + 1 : first;
            count--;
        }

        File.WriteAllLines(path, lines);
        return first;
    }

    private static void Edit(TempFolder scratch, string relative, Func<string, string> edit)
    {
        var path = scratch.File(relative.Split('/'));
        var before = File.ReadAllText(path);
        var after = edit(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static async Task<string> FailsWithOneLine(TempFolder scratch)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", "modelgate.yml", "--out", "out"], scratch.Path);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        return Assert.Single(run.ErrorLines);
    }
}
