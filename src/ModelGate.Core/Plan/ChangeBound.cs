namespace ModelGate.Core.Plan;

/// <summary>
/// A bound on candidate minus baseline, in the metric's own direction-free units.
/// <see cref="MaxDrop"/> / <see cref="MaxIncrease"/> are absolute; the relative ones are fractions of the baseline value.
/// Zero means "no regression allowed". <see cref="MinImprovement"/> demands the candidate be better by at least that much.
/// Which of drop/increase is the regression follows the metric's direction.
/// </summary>
internal sealed record ChangeBound(
    double? MaxDrop = null,
    double? MaxIncrease = null,
    double? MaxRelativeDrop = null,
    double? MaxRelativeIncrease = null,
    double? MinImprovement = null)
{
    /// <summary>True when nothing is set.</summary>
    public bool IsEmpty => MaxDrop is null && MaxIncrease is null && MaxRelativeDrop is null && MaxRelativeIncrease is null && MinImprovement is null;
}
