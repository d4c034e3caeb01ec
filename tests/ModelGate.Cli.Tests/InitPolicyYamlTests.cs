using ModelGate.Cli.Init;
using ModelGate.Core;

namespace ModelGate.Cli.Tests;

/// <summary>init's policy text, written through the policy printer's YamlWriter and YamlText: the whole file, pinned.</summary>
public sealed class InitPolicyYamlTests
{
    [Fact]
    public void A_draft_without_a_baseline_writes_absolute_bounds_and_aligned_comments()
    {
        var draft = new PolicyDraft(TaskKind.Binary, "output 'probabilities' has 2 columns", "models/candidate.onnx", null, "data/hold out.csv", "yes",
            new InputChoice(false, "x", ["p0", "p1"], "pixels", [1, 8, 8]), ["region", "Age Band"])
        {
            ColumnsWithGaps = ["income", "age"],
            Bounds = new Dictionary<string, InitBound>(StringComparer.Ordinal) { ["roc_auc"] = new(0.81234567891, "set by init a little below") },
        };
        Assert.Equal("""
            # yaml-language-server: $schema=https://raw.githubusercontent.com/modelgate/modelgate/main/schema/modelgate.schema.json
            # Starter policy written by `dotnet modelgate init`. Every threshold below is a suggestion: tune it, then commit it.
            version: 1
            task: binary                         # guessed: output 'probabilities' has 2 columns
            models:
              candidate: models/candidate.onnx
              # baseline: models/baseline.onnx   # add it to compare candidate vs baseline
            data:
              holdout: 'data/hold out.csv'
              label: 'yes'
              missing: drop                      # income, age have missing values: such rows are skipped and counted; fail stops instead
              inputs:
                x: { columns: [p0, p1], shape: [1, 8, 8] }   # pixels

            slices:                              # low-cardinality columns, for subgroups/fairness checks
              by_region: { column: region }
              by_age_band: { column: 'Age Band' }

            statistics:
              confidence: 0.95
              resamples: 1000
              inconclusive: warning              # error makes an undecidable check fail the gate

            checks:
              - metric: roc_auc
                at_least: 0.812346   # set by init a little below
              - metric: log_loss
                at_most: 1000000000000
              - calibration:
                  metric: ece
                  at_most: 0.05
                  severity: warning
              # - subgroups: { slices: [by_region, by_age_band], metric: roc_auc, max_gap: 0.10 }
              # - model_size_mb: { at_most: 50 }
              # - latency: { batch_size: 1, p95_ms: { at_most: 5 } }

            """.ReplaceLineEndings("\n"), PolicyYaml.Compose(draft));
    }

    [Fact]
    public void A_draft_with_a_baseline_writes_change_bounds_per_column_inputs_and_no_missing_line()
    {
        var draft = new PolicyDraft(TaskKind.Regression, "output 'variable' is one number per row", "models/candidate.onnx", "models/baseline.onnx", "data/holdout.csv", "wages",
            new InputChoice(true, null, [], "one input per column"), []);
        var yaml = PolicyYaml.Compose(draft);
        Assert.Contains("""
            models:
              candidate: models/candidate.onnx
              baseline: models/baseline.onnx
            data:
              holdout: data/holdout.csv
              label: wages
              inputs:
                per_column: true                 # one input per column

            statistics:
            """.ReplaceLineEndings("\n"), yaml, StringComparison.Ordinal);
        Assert.Contains("""
            checks:
              - metric: mae
                max_relative_increase: 0.02      # not more than 2% worse than the baseline
              - metric: r2
                max_drop: 0.01
              # - model_size_mb: { at_most: 50 }
            """.ReplaceLineEndings("\n"), yaml, StringComparison.Ordinal);
    }
}
