using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>Terse constructors for hand-built, realistic gate results.</summary>
internal static class Build
{
    public static readonly DateTimeOffset Clock = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    public static Estimate Est(double value, double lower, double upper) => Estimate.Of(value, new Interval(lower, upper, 0.95));

    public static Estimate Est(double value) => Estimate.Of(value);

    public static CheckResult Check(
        CheckSpec spec,
        Verdict verdict,
        string threshold,
        string reason,
        Estimate? candidate = null,
        Estimate? baseline = null,
        Estimate? delta = null,
        bool? blocks = null) => new()
        {
            Spec = spec,
            Verdict = verdict,
            Threshold = threshold,
            Reason = reason,
            Candidate = candidate,
            Baseline = baseline,
            Delta = delta,
            Blocks = blocks ?? (verdict == Verdict.Fail && spec.Severity == Severity.Error),
        };

    public static MetricCheckSpec Metric(string metric, int line, Severity severity = Severity.Error) => new()
    {
        Id = metric,
        Title = Core.Metrics.MetricCatalog.Find(metric)!.DisplayName,
        Metric = metric,
        Severity = severity,
        Location = new SourceLocation("modelgate.yml", line, 5),
    };

    public static GroupResult Group(string slice, string group, int support, string metric, Estimate candidate, Estimate? baseline = null, Estimate? delta = null, double? p = null, Verdict? verdict = null, int minSupport = 30) => new()
    {
        Slice = slice,
        Group = group,
        Support = support,
        TooSmall = support < minSupport,
        Metric = metric,
        Candidate = candidate,
        Baseline = baseline,
        Delta = delta,
        AdjustedPValue = p,
        Verdict = verdict,
    };

    /// <summary>Equal-width reliability bins from (count, mean confidence, observed frequency) triples.</summary>
    public static IReadOnlyList<ReliabilityBin> Bins(params (int Count, double Confidence, double Observed)[] bins) =>
        bins.Select((b, i) => new ReliabilityBin(i / (double)bins.Length, (i + 1) / (double)bins.Length, b.Count, b.Count == 0 ? double.NaN : b.Confidence, b.Count == 0 ? double.NaN : b.Observed)).ToList();

    /// <summary>A smooth concave ROC curve tpr = fpr^a (AUC = 1 / (1 + a)).</summary>
    public static RocCurve Roc(string model, string label, double a) =>
        new(model, label, Enumerable.Range(0, 21).Select(i => new RocPoint(i / 20.0, Math.Pow(i / 20.0, a))).ToList(), 1 / (1 + a));

    public static Provenance Provenance(string dataset, long holdoutRows, long trainRows, bool baseline = true) => new()
    {
        ModelGateVersion = "0.1.0",
        OnnxRuntimeVersion = "1.30.0",
        Device = "CPU (x86-64, 2 cores)",
        ExecutionProvider = "CPUExecutionProvider",
        PolicySha256 = "5d41402abc4b2a76b9719d911017c592ae1c5f1e2b8e3f7c6d5e4f3a2b1c0d9e",
        Models = baseline
            ?
            [
                new ModelFingerprint("candidate", "models/candidate.onnx", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 48213),
                new ModelFingerprint("baseline", "models/baseline.onnx", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", 45877),
            ]
            : [new ModelFingerprint("candidate", "models/candidate.onnx", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 48213)],
        Data =
        [
            new DataFingerprint("holdout", $"data/{dataset}.holdout.csv", "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13", holdoutRows),
            new DataFingerprint("train", $"data/{dataset}.train.csv", "a4e624d686e03ed2767c0abd85c14426b0b1157d2ce81d27bb4fe4f6f01d688a", trainRows),
        ],
    };

    public static ReportContext Context(string key, Provenance provenance) => new()
    {
        GateKey = key,
        GeneratedAt = Clock,
        PolicyPath = "modelgate.yml",
        Provenance = provenance,
        FullReportLocation = "the job summary and the `modelgate-report` artifact",
        Run = new RunIdentity("octo-org/models", "main", null, "0123456789abcdef0123456789abcdef01234567"),
        DurationSeconds = 12.5,
    };
}
