using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Policy.Model;

namespace ModelGate.Policy.Tests;

/// <summary>The complete example (every kind of check, extends, waivers) maps onto the Core plan exactly.</summary>
public sealed class ValidPolicyTests
{
    private static readonly string Valid = Path.Combine(TestPolicies.PoliciesFolder, "valid");

    private static Model.GatePolicy Complete() => TestPolicies.LoadValid(Path.Combine(Valid, "complete.yml"));

    public static TheoryData<string> ValidFiles() => [.. Directory.GetFiles(Valid, "*.yml").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Every_valid_file_loads_without_errors_or_warnings(string file)
    {
        var result = PolicyLoader.Load(Path.Combine(Valid, file), TestPolicies.Today);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Models_and_data_resolve_paths_against_the_policy_folder()
    {
        var p = Complete();
        Assert.Equal(TaskKind.Binary, p.Task);
        Assert.Equal(Path.Combine(Valid, "models", "candidate.onnx"), p.Models.Candidate);
        Assert.Equal(Path.Combine(Valid, "models", "baseline.onnx"), p.Models.Baseline);
        Assert.Equal("probabilities", p.Models.Output);
        Assert.Equal(ScoresKind.Probabilities, p.Models.Scores);
        Assert.Equal("1", p.Models.PositiveClass);
        Assert.Equal(Path.Combine(Valid, "data", "arrests.holdout.csv"), p.Data.Holdout);
        Assert.Equal(Path.Combine(Valid, "data", "arrests.train.csv"), p.Data.Train);
        Assert.Equal(("released", "row_id", (string?)null), (p.Data.Label, p.Data.Id, p.Data.Weight));
        var input = Assert.Single(p.Data.Inputs.Inputs);
        Assert.Equal("input", input.Name);
        Assert.Equal(["age", "employed", "citizen", "checks", "year", "colour_white", "sex_male"], input.Columns);
        Assert.Equal(MissingPolicy.Fail, p.Data.Missing);
        Assert.Equal(ColumnType.Numeric, p.Data.ColumnTypes["year"]);
        Assert.Equal(["age", "year", "checks"], p.Report.ShowColumns);
    }

    [Fact]
    public void Slices_and_statistics_map_to_the_plan()
    {
        var plan = Complete().ToGatePlan();
        Assert.Equal(["colour", "sex", "colour_x_sex", "age_band"], plan.Slices.Select(s => s.Name));
        Assert.Equal(["colour", "sex"], plan.Slices[2].Columns);
        Assert.Equal([0, 25, 45, 120], plan.Slices[3].Bins!);
        Assert.Null(plan.Slices[0].Bins);
        Assert.Equal(new StatisticsOptions(0.95, 1000, 20261122, Severity.Warning, JudgeMode.Interval, 30, 0.05), plan.Statistics);
        Assert.Equal(0.5, plan.DecisionThreshold);
        Assert.Empty(plan.ReportMetrics);
    }

    [Fact]
    public void Check_ids_follow_policy_order_with_base_checks_replaced_in_place()
    {
        var plan = Complete().ToGatePlan();
        Assert.Equal(
            ["roc_auc", "brier", "log_loss", "accuracy", "generalization_gap", "calibration", "subgroups", "fairness",
             "safety.repeat_offenders_must_not_be_newly_released", "must_pass", "latency", "model_size_mb"],
            plan.Checks.Select(c => c.Id));
    }

    [Fact]
    public void Metric_checks_map_absolute_change_and_test()
    {
        var checks = Complete().ToGatePlan().Checks;
        var auc = Assert.IsType<MetricCheckSpec>(checks[0]);
        Assert.Equal(("roc_auc", "ROC AUC", Severity.Error), (auc.Metric, auc.Title, auc.Severity));
        Assert.Equal(new Bound(0.80, null), auc.Absolute);
        Assert.Equal(new ChangeBound(MaxDrop: 0.01), auc.Change);
        Assert.Equal(ComparisonTest.Bootstrap, auc.Test);
        Assert.True(auc.NeedsBaseline);
        Assert.Equal(40, auc.Location!.Line);
        Assert.Equal(5, auc.Location.Column);

        var brier = Assert.IsType<MetricCheckSpec>(checks[1]);
        Assert.Equal((Severity.Info, 0.2), (brier.Severity, brier.Absolute.AtMost));
        Assert.EndsWith(Path.Combine("org", "base.yml"), brier.Location!.File, StringComparison.Ordinal);
        Assert.False(brier.NeedsBaseline);

        var logLoss = Assert.IsType<MetricCheckSpec>(checks[2]);
        Assert.Equal(new ChangeBound(MaxRelativeIncrease: 0.05), logLoss.Change);
        var accuracy = Assert.IsType<MetricCheckSpec>(checks[3]);
        Assert.Equal(new ChangeBound(MaxDrop: 0.01), accuracy.Change);
        Assert.Equal(ComparisonTest.McNemar, accuracy.Test);
    }

    [Fact]
    public void Gap_calibration_subgroup_and_fairness_checks_map()
    {
        var checks = Complete().ToGatePlan().Checks;
        var gap = Assert.IsType<GeneralizationGapCheckSpec>(checks[4]);
        Assert.Equal(("roc_auc", 0.05, false), (gap.Metric, gap.AtMost, gap.NeedsBaseline));

        var calibration = Assert.IsType<CalibrationCheckSpec>(checks[5]);
        Assert.Equal(("ece", 15, Severity.Warning), (calibration.Metric, calibration.Bins, calibration.Severity));
        Assert.Equal(new Bound(null, 0.05), calibration.Absolute);
        Assert.Equal(new ChangeBound(MaxIncrease: 0.01), calibration.Change);
        Assert.Equal(new Waiver("recalibration lands next sprint", "@ml-risk", new DateOnly(2026, 12, 31), calibration.Waiver!.Location), calibration.Waiver);
        Assert.True(calibration.Waiver.AppliesOn(TestPolicies.Today));

        var subgroups = Assert.IsType<SubgroupCheckSpec>(checks[6]);
        Assert.Equal(["colour", "sex", "colour_x_sex"], subgroups.Slices);
        Assert.Equal(("recall", 0.70, 0.10, 0.03), (subgroups.Metric, subgroups.WorstGroup.AtLeast, subgroups.MaxGap, subgroups.MaxDropPerGroup));
        Assert.True(subgroups.NeedsBaseline);

        var fairness = Assert.IsType<FairnessCheckSpec>(checks[7]);
        Assert.Equal(["colour"], fairness.Slices);
        Assert.Equal(new Bound(AtLeast: 0.80), fairness.Disparities["demographic_parity_ratio"]);
        Assert.Equal(new Bound(AtMost: 0.10), fairness.Disparities["equalized_odds_difference"]);
        Assert.Equal(2, fairness.Disparities.Count);
        Assert.Null(fairness.MaxIncrease);
    }

    [Fact]
    public void Safety_checks_map_to_sets_by_where_or_rows_file()
    {
        var policy = Complete();
        var checks = policy.ToGatePlan().Checks;
        var repeat = Assert.IsType<SafetyCheckSpec>(checks[8]);
        Assert.Equal(("repeat offenders must not be newly released", 0, "precision"), (repeat.Title, repeat.NegativeFlipsAtMost, repeat.Metric));
        Assert.Equal(new Bound(0.90, null), repeat.MetricBound);
        Assert.Equal("where checks >= 3", repeat.Description);
        var mustPass = Assert.IsType<SafetyCheckSpec>(checks[9]);
        Assert.Equal((0.0, (int?)null), (mustPass.NegativeFlipRateAtMost, mustPass.NegativeFlipsAtMost));

        Assert.Equal([repeat.Set, mustPass.Set], policy.SafetySets.Select(s => s.Key));
        Assert.Equal("checks >= 3", policy.SafetySets[0].Where!.Text);
        Assert.Equal(Path.Combine(Valid, "must-pass.txt"), policy.SafetySets[1].RowsFile);
        Assert.Equal(["17", "42", "108"], policy.SafetySets[1].RowIds!);
    }

    [Fact]
    public void Latency_and_model_size_checks_map()
    {
        var checks = Complete().ToGatePlan().Checks;
        var latency = Assert.IsType<LatencyCheckSpec>(checks[10]);
        Assert.Equal((1, 95.0, 5.0, 0.20, "Latency p95 (batch 1)"), (latency.BatchSize, latency.Percentile, latency.AtMostMs, latency.MaxRelativeIncrease, latency.Title));
        var size = Assert.IsType<ModelSizeCheckSpec>(checks[11]);
        Assert.Equal((50.0, (double?)null, false), (size.AtMostMb, size.MaxRelativeIncrease, size.NeedsBaseline));
    }

    [Fact]
    public void A_latency_check_with_several_percentiles_gives_one_spec_each_sharing_its_waiver()
    {
        using var t = new TestPolicies();
        var result = t.Load("""
            version: 1
            task: binary
            models: { candidate: c.onnx, baseline: b.onnx }
            data: { holdout: h.csv, label: y }
            checks:
              - latency:
                  id: speed
                  batch_size: 32
                  p50_ms: { at_most: 2 }
                  p99_ms: { at_most: 10, max_relative_increase: 0.5 }
                  max_relative_increase: 0.25
            waivers:
              - { check: speed, reason: new hardware, owner: "@infra", expires: 2027-01-31 }
            """);
        var checks = result.GetPolicyOrThrow().Checks.Cast<LatencyCheckSpec>().ToList();
        Assert.Equal(["speed.p50", "speed.p99"], checks.Select(c => c.Id));
        Assert.Equal([(32, 50.0, 2.0, 0.25), (32, 99.0, 10.0, 0.5)], checks.Select(c => (c.BatchSize, c.Percentile, c.AtMostMs!.Value, c.MaxRelativeIncrease!.Value)));
        Assert.All(checks, c => Assert.Equal("new hardware", c.Waiver!.Reason));
    }

    [Fact]
    public void Multiclass_reshape_and_per_column_inputs_resolve_against_a_header()
    {
        var digits = TestPolicies.LoadValid(Path.Combine(Valid, "multiclass-digits.yml"));
        var pixels = Assert.Single(digits.Data.Inputs.Inputs);
        Assert.Equal("p*", pixels.Pattern);
        Assert.Equal([1, 8, 8], pixels.Shape!);
        var header = File.ReadLines(Path.Combine("/work/shared/datasets", "digits.holdout.csv")).First().Split(',');
        Assert.Equal(64, pixels.Resolve(header).Count);
        Assert.Equal("p63", pixels.Resolve(header)[^1]);
        Assert.Equal(new StatisticsOptions(Mode: JudgeMode.PointEstimate, InconclusiveSeverity: Severity.Error, FalseDiscoveryRate: 0.1), digits.Statistics);

        var credit = TestPolicies.LoadValid(Path.Combine(Valid, "per-column-credit.yml"));
        Assert.True(credit.Data.Inputs.PerColumn);
        Assert.Null(credit.Data.Inputs.PerColumnColumns);
        Assert.Equal(("yes", ScoresKind.Label, MissingPolicy.Nan), (credit.Models.PositiveClass, credit.Models.Scores, credit.Data.Missing));

        var minimal = TestPolicies.LoadValid(Path.Combine(Valid, "minimal.yml"));
        Assert.True(minimal.Data.Inputs.AllFeatures);
        Assert.Null(minimal.Models.Baseline);
    }

    [Fact]
    public void Report_evidence_names_a_column_the_run_reads_and_keeps_its_settings_and_defaults()
    {
        var p = TestPolicies.LoadValid(Path.Combine(Valid, "evidence.yml"));
        Assert.Equal(new EvidenceOptions("image", Core.Results.EvidenceKind.Image) { Rows = 8, Thumbnail = 64, MaxChars = 100 }, p.Report.Evidence);
        Assert.Contains(p.ColumnReferences, r => r.Column == "image" && r.Usage == ColumnUsage.Evidence);
        Assert.Contains("\n  evidence: { column: image, kind: image, rows: 8, thumbnail: 64, max_chars: 100 }\n", p.ToYaml(), StringComparison.Ordinal);
        Assert.Null(Complete().Report.Evidence);

        using var t = new TestPolicies();
        var text = File.ReadAllText(Path.Combine(Valid, "evidence.yml"));
        var defaults = t.Load(text[..text.IndexOf("    rows:", StringComparison.Ordinal)].Replace("kind: image", "kind: text", StringComparison.Ordinal)).GetPolicyOrThrow().Report.Evidence;
        Assert.Equal(new EvidenceOptions("image", Core.Results.EvidenceKind.Text) { Rows = 12, Thumbnail = 96, MaxChars = 280 }, defaults);
    }

    [Fact]
    public void A_media_policy_without_report_evidence_gets_its_first_image_column()
    {
        var images = TestPolicies.LoadValid(RepoPaths.Example("digits-images", "modelgate.yml"));
        Assert.Equal(new EvidenceOptions("image", Core.Results.EvidenceKind.Image), images.Report.Evidence);
        Assert.Contains(images.ColumnReferences, r => r.Column == "image" && r.Usage == ColumnUsage.Evidence); // kept after scoring
        Assert.Contains("\n  evidence: { column: image, kind: image, rows: 12, thumbnail: 96, max_chars: 280 }\n", images.ToYaml(), StringComparison.Ordinal);
    }
}
