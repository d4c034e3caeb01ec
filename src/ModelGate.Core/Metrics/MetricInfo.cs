namespace ModelGate.Core.Metrics;

/// <summary>What ModelGate knows about a metric before computing it: for validation, direction and display.</summary>
/// <param name="Id">The name used in modelgate.yml (snake_case), e.g. <c>roc_auc</c>.</param>
/// <param name="DisplayName">The name shown in reports.</param>
/// <param name="HigherIsBetter">Direction: whether an increase is an improvement.</param>
/// <param name="Minimum">Smallest possible value (for "a threshold that cannot be met").</param>
/// <param name="Maximum">Largest possible value; <see cref="double.PositiveInfinity"/> when unbounded.</param>
/// <param name="Tasks">The tasks the metric applies to.</param>
/// <param name="Family">Where it belongs: headline, calibration, fairness...</param>
internal sealed record MetricInfo(
    string Id,
    string DisplayName,
    bool HigherIsBetter,
    double Minimum,
    double Maximum,
    IReadOnlyList<TaskKind> Tasks,
    MetricFamily Family);

/// <summary>Which family a metric belongs to.</summary>
internal enum MetricFamily
{
    /// <summary>Headline quality: accuracy, AUC, MAE...</summary>
    Quality,

    /// <summary>Calibration: ECE variants, MCE, Brier.</summary>
    Calibration,

    /// <summary>Selection rate and other per-group rates used for fairness.</summary>
    Rate,
}
