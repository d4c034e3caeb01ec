using System.Collections.Frozen;

namespace ModelGate.Core.Metrics;

/// <summary>
/// Every metric ModelGate can compute, by the id used in modelgate.yml.
/// For multiclass, <c>precision</c>, <c>recall</c>, <c>f1</c>, <c>specificity</c>, <c>fpr</c>, <c>fnr</c> are macro averages
/// and <c>roc_auc</c> is one-vs-rest macro; for binary they are on the positive class.
/// </summary>
internal static class MetricCatalog
{
    private static readonly TaskKind[] Classification = [TaskKind.Binary, TaskKind.Multiclass];
    private static readonly TaskKind[] BinaryOnly = [TaskKind.Binary];
    private static readonly TaskKind[] RegressionOnly = [TaskKind.Regression];

    /// <summary>All metrics, in the order reports list them.</summary>
    public static IReadOnlyList<MetricInfo> All { get; } =
    [
        new("accuracy", "Accuracy", true, 0, 1, Classification, MetricFamily.Quality),
        new("balanced_accuracy", "Balanced accuracy", true, 0, 1, Classification, MetricFamily.Quality),
        new("precision", "Precision", true, 0, 1, Classification, MetricFamily.Quality),
        new("recall", "Recall (TPR)", true, 0, 1, Classification, MetricFamily.Quality),
        new("specificity", "Specificity (TNR)", true, 0, 1, Classification, MetricFamily.Quality),
        new("fpr", "False positive rate", false, 0, 1, Classification, MetricFamily.Quality),
        new("fnr", "False negative rate", false, 0, 1, Classification, MetricFamily.Quality),
        new("f1", "F1", true, 0, 1, Classification, MetricFamily.Quality),
        new("f1_macro", "F1 (macro)", true, 0, 1, Classification, MetricFamily.Quality),
        new("f1_micro", "F1 (micro)", true, 0, 1, Classification, MetricFamily.Quality),
        new("f1_weighted", "F1 (weighted)", true, 0, 1, Classification, MetricFamily.Quality),
        new("mcc", "Matthews correlation", true, -1, 1, Classification, MetricFamily.Quality),
        new("roc_auc", "ROC AUC", true, 0, 1, Classification, MetricFamily.Quality),
        new("roc_auc_weighted", "ROC AUC (OvR weighted)", true, 0, 1, Classification, MetricFamily.Quality),
        new("average_precision", "Average precision", true, 0, 1, Classification, MetricFamily.Quality),
        new("log_loss", "Log loss", false, 0, double.PositiveInfinity, Classification, MetricFamily.Quality),
        new("top_2_accuracy", "Top-2 accuracy", true, 0, 1, [TaskKind.Multiclass], MetricFamily.Quality),
        new("top_3_accuracy", "Top-3 accuracy", true, 0, 1, [TaskKind.Multiclass], MetricFamily.Quality),
        new("top_5_accuracy", "Top-5 accuracy", true, 0, 1, [TaskKind.Multiclass], MetricFamily.Quality),
        new("selection_rate", "Selection rate", true, 0, 1, BinaryOnly, MetricFamily.Rate),
        new("brier", "Brier score", false, 0, 2, Classification, MetricFamily.Calibration),
        new("ece", "ECE (equal-width, top-label)", false, 0, 1, Classification, MetricFamily.Calibration),
        new("ece_adaptive", "ECE (equal-mass, top-label)", false, 0, 1, Classification, MetricFamily.Calibration),
        new("classwise_ece", "Class-wise ECE", false, 0, 1, Classification, MetricFamily.Calibration),
        new("ece_positive", "ECE on P(positive)", false, 0, 1, BinaryOnly, MetricFamily.Calibration),
        new("mce", "MCE (max calibration error)", false, 0, 1, Classification, MetricFamily.Calibration),
        new("mae", "MAE", false, 0, double.PositiveInfinity, RegressionOnly, MetricFamily.Quality),
        new("mse", "MSE", false, 0, double.PositiveInfinity, RegressionOnly, MetricFamily.Quality),
        new("rmse", "RMSE", false, 0, double.PositiveInfinity, RegressionOnly, MetricFamily.Quality),
        new("r2", "R²", true, double.NegativeInfinity, 1, RegressionOnly, MetricFamily.Quality),
        new("mape", "MAPE", false, 0, double.PositiveInfinity, RegressionOnly, MetricFamily.Quality),
        new("median_absolute_error", "Median absolute error", false, 0, double.PositiveInfinity, RegressionOnly, MetricFamily.Quality),
        new("max_error", "Max error", false, 0, double.PositiveInfinity, RegressionOnly, MetricFamily.Quality),
    ];

    private static readonly FrozenDictionary<string, MetricInfo> ById = All.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);

    /// <summary>Fairlearn's disparity ids usable in fairness checks.</summary>
    public static IReadOnlyList<string> Disparities { get; } =
    [
        "demographic_parity_difference",
        "demographic_parity_ratio",
        "equalized_odds_difference",
        "equalized_odds_ratio",
        "equal_opportunity_difference",
    ];

    /// <summary>The metric with this id, or null.</summary>
    public static MetricInfo? Find(string id) => ById.GetValueOrDefault(id);

    /// <summary>The metrics that apply to a task.</summary>
    public static IEnumerable<MetricInfo> For(TaskKind task) => All.Where(m => m.Tasks.Contains(task));

    /// <summary>The headline metrics reported side by side when the policy names none (MLflow's defaults, plus calibration).</summary>
    public static IReadOnlyList<string> DefaultHeadline(TaskKind task) => task switch
    {
        TaskKind.Binary => ["roc_auc", "average_precision", "accuracy", "precision", "recall", "f1", "log_loss", "brier", "ece"],
        TaskKind.Multiclass => ["accuracy", "balanced_accuracy", "f1_macro", "roc_auc", "log_loss", "brier", "ece"],
        _ => ["mae", "rmse", "r2", "mape", "median_absolute_error", "max_error"],
    };
}
