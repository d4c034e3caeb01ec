namespace ModelGate.Core.Metrics;

/// <summary>The computation behind a metric id (several ids share one, e.g. top-k).</summary>
internal enum MetricKind
{
    Accuracy,
    BalancedAccuracy,
    Precision,
    Recall,
    Specificity,
    FalsePositiveRate,
    FalseNegativeRate,
    F1,
    F1Macro,
    F1Micro,
    F1Weighted,
    Mcc,
    RocAuc,
    RocAucWeighted,
    AveragePrecision,
    LogLoss,
    TopK,
    SelectionRate,
    Brier,
    Ece,
    EceAdaptive,
    ClasswiseEce,
    EcePositive,
    Mce,
    Mae,
    Mse,
    Rmse,
    R2,
    Mape,
    MedianAbsoluteError,
    MaxError,
}

/// <summary>A metric to compute: its id and, for binned calibration metrics, the number of bins.</summary>
/// <param name="Metric">Metric id from <see cref="MetricCatalog"/>.</param>
/// <param name="Bins">Bins for ece, ece_adaptive, classwise_ece, ece_positive and mce.</param>
internal sealed record MetricRequest(string Metric, int Bins = 15)
{
    internal MetricKind Kind => Parse(Metric);

    internal int TopK => Metric switch
    {
        "top_2_accuracy" => 2,
        "top_3_accuracy" => 3,
        "top_5_accuracy" => 5,
        _ => 0,
    };

    internal static MetricKind Parse(string id) => id switch
    {
        "accuracy" => MetricKind.Accuracy,
        "balanced_accuracy" => MetricKind.BalancedAccuracy,
        "precision" => MetricKind.Precision,
        "recall" => MetricKind.Recall,
        "specificity" => MetricKind.Specificity,
        "fpr" => MetricKind.FalsePositiveRate,
        "fnr" => MetricKind.FalseNegativeRate,
        "f1" => MetricKind.F1,
        "f1_macro" => MetricKind.F1Macro,
        "f1_micro" => MetricKind.F1Micro,
        "f1_weighted" => MetricKind.F1Weighted,
        "mcc" => MetricKind.Mcc,
        "roc_auc" => MetricKind.RocAuc,
        "roc_auc_weighted" => MetricKind.RocAucWeighted,
        "average_precision" => MetricKind.AveragePrecision,
        "log_loss" => MetricKind.LogLoss,
        "top_2_accuracy" or "top_3_accuracy" or "top_5_accuracy" => MetricKind.TopK,
        "selection_rate" => MetricKind.SelectionRate,
        "brier" => MetricKind.Brier,
        "ece" => MetricKind.Ece,
        "ece_adaptive" => MetricKind.EceAdaptive,
        "classwise_ece" => MetricKind.ClasswiseEce,
        "ece_positive" => MetricKind.EcePositive,
        "mce" => MetricKind.Mce,
        "mae" => MetricKind.Mae,
        "mse" => MetricKind.Mse,
        "rmse" => MetricKind.Rmse,
        "r2" => MetricKind.R2,
        "mape" => MetricKind.Mape,
        "median_absolute_error" => MetricKind.MedianAbsoluteError,
        "max_error" => MetricKind.MaxError,
        _ => throw new ArgumentException($"Unknown metric '{id}'. Known: {string.Join(", ", MetricCatalog.All.Select(m => m.Id))}.", nameof(id)),
    };

    /// <summary>True for metrics that are a proportion of a row count (Wilson intervals apply).</summary>
    internal bool IsProportion => Kind is MetricKind.Accuracy or MetricKind.Precision or MetricKind.Recall
        or MetricKind.Specificity or MetricKind.FalsePositiveRate or MetricKind.FalseNegativeRate
        or MetricKind.SelectionRate or MetricKind.TopK or MetricKind.F1Micro;
}
