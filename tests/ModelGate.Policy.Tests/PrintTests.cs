namespace ModelGate.Policy.Tests;

/// <summary>The resolved policy prints as YAML that loads back to the same policy.</summary>
public sealed class PrintTests
{
    [Fact]
    public void The_minimal_policy_prints_every_default()
    {
        using var t = new TestPolicies();
        var path = t.Write("modelgate.yml", File.ReadAllText(Path.Combine(TestPolicies.PoliciesFolder, "valid", "minimal.yml")));
        var printed = TestPolicies.LoadValid(path).ToYaml();
        Assert.Equal("""
            # modelgate.yml resolved from: modelgate.yml
            version: 1
            task: regression
            models:
              candidate: wage.onnx
            data:
              holdout: slid.holdout.csv
              label: wages
              missing: fail
            slices:
              min_support: 30
            statistics:
              confidence: 0.95
              resamples: 1000
              seed: 20261122
              inconclusive: warning
              likely_regression: error
              uncomputable: error
              mode: interval
              false_discovery_rate: 0.05
              method: auto
            checks:
              - id: mae
                severity: error
                metric: mae
                at_most: 3.5
            report:
              show_columns: []
              max_flipped_rows: 20
              metrics: []

            """, printed);
    }

    public static TheoryData<string> ValidFiles() =>
        [.. Directory.GetFiles(Path.Combine(TestPolicies.PoliciesFolder, "valid"), "*.yml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Printing_is_a_fixed_point_and_keeps_the_plan(string file)
    {
        // Work on a copy of the fixtures so the printed file sits beside the original and relative paths mean the same.
        using var t = new TestPolicies();
        foreach (var source in Directory.GetFiles(TestPolicies.PoliciesFolder, "*", SearchOption.AllDirectories))
        {
            t.Write(Path.GetRelativePath(TestPolicies.PoliciesFolder, source), File.ReadAllText(source));
        }

        var original = TestPolicies.LoadValid(Path.Combine(t.Folder, "valid", file));
        var printed = original.ToYaml();
        var reloaded = TestPolicies.LoadValid(t.Write(Path.Combine("valid", "printed.yml"), printed));
        static string WithoutHeader(string yaml) => yaml[yaml.IndexOf('\n', StringComparison.Ordinal)..];
        Assert.Equal(WithoutHeader(printed), WithoutHeader(reloaded.ToYaml()));

        static object Key(Core.Plan.CheckSpec c) => (c.Id, c.GetType(), c.Title, c.Severity, c.NeedsBaseline, c.Waiver?.Reason, c.Waiver?.Owner, c.Waiver?.Expires);
        Assert.Equal(original.Checks.Select(Key), reloaded.Checks.Select(Key));
        Assert.Equal(original.Models, reloaded.Models);
        Assert.Equal(original.Statistics, reloaded.Statistics);
        Assert.Equal(original.Slices.Select(s => (s.Name, string.Join(",", s.Columns))), reloaded.Slices.Select(s => (s.Name, string.Join(",", s.Columns))));
        Assert.Equal(original.SafetySets.Select(s => (s.Key, s.Where?.Text, s.RowsFile)), reloaded.SafetySets.Select(s => (s.Key, s.Where?.Text, s.RowsFile)));
        static string Image(Model.ImageInputConfig i) => $"{i with { Mean = null, Std = null }} mean {string.Join(",", i.Mean ?? [])} std {string.Join(",", i.Std ?? [])}";
        Assert.Equal(original.Data.Images.Select(Image), reloaded.Data.Images.Select(Image));
        Assert.Equal(original.Data.Text, reloaded.Data.Text);
        Assert.Equal(original.Report.Evidence, reloaded.Report.Evidence);
    }

    [Fact]
    public void A_sentencepiece_input_prints_its_framing_and_no_uncased()
    {
        var printed = TestPolicies.LoadValid(Path.Combine(TestPolicies.PoliciesFolder, "valid", "text-tokenizers.yml")).ToYaml();
        Assert.Contains("""
                summary:
                  column: summary
                  tokenizer: sentencepiece
                  vocabulary: must-pass.txt
                  add_bos: false
                  add_eos: true
                  max_length: 48
                  overflow: truncate
            """, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("uncased", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_and_text_inputs_print_every_key_they_set()
    {
        var printed = TestPolicies.LoadValid(Path.Combine(TestPolicies.PoliciesFolder, "valid", "images-and-text.yml")).ToYaml();
        Assert.Contains("""
              images:
                pixel_values:
                  column: image
                  colour: bgr
                  resize: { size: [240, 232] }
                  antialias: false
                  crop: [224, 224]
                  scale: 255
                  mean: [0.485, 0.456, 0.406]
                  std: [0.229, 0.224, 0.225]
                  layout: nhwc
                  dtype: float32
                  max_pixels: 4000000
                  max_file_bytes: 1048576
            """, printed, StringComparison.Ordinal);
        Assert.Contains("""
              text:
                caption:
                  column: caption
                  tokenizer: wordpiece
                  vocabulary: vocab.txt
                  uncased: false
                  max_length: 32
                  overflow: refuse
                  max_chars: 2000
                  inputs: { ids: caption_ids, types: caption_types }
            """, printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_complete_policy_prints_the_merged_result_without_extends()
    {
        var printed = TestPolicies.LoadValid(Path.Combine(TestPolicies.PoliciesFolder, "valid", "complete.yml")).ToYaml();
        Assert.StartsWith("# modelgate.yml resolved from: base.yml, complete.yml\nversion: 1\n", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("extends", printed, StringComparison.Ordinal);
        Assert.Contains("\n  - id: brier\n    severity: info\n    metric: brier\n    at_most: 0.2\n", printed, StringComparison.Ordinal);
        Assert.Contains("\n      where: 'checks >= 3'\n", printed, StringComparison.Ordinal);
        Assert.Contains("\n      rows_file: must-pass.txt\n", printed, StringComparison.Ordinal);
        Assert.Contains("\n    owner: '@ml-risk'\n    expires: 2026-12-31\n", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_yaml_writer_indents_two_spaces_a_level_and_lines_up_trailing_comments()
    {
        var w = new ModelGate.Policy.Printing.YamlWriter();
        w.Comment(0, "top");
        w.Line(0, "data:");
        w.Line(1, "missing: drop", "aligned");
        w.Line(2, "a_key_longer_than_the_comment_column: 1", "three spaces at least");
        w.Line(2, "x: [a, b]", "just after", column: 0);
        w.Blank();
        w.Line(0, "checks:");
        Assert.Equal(
            "# top\n" +
            "data:\n" +
            "  missing: drop                      # aligned\n" +
            "    a_key_longer_than_the_comment_column: 1   # three spaces at least\n" +
            "    x: [a, b]   # just after\n" +
            "\n" +
            "checks:\n",
            w.ToString());
        Assert.Equal(ModelGate.Policy.Printing.YamlWriter.CommentColumn, "  missing: drop                      ".Length);
    }
}
