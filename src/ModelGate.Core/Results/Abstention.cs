namespace ModelGate.Core.Results;

/// <summary>One point of the risk–coverage curve: answering the most confident <see cref="Coverage"/> of rows gives error rate <see cref="Risk"/>.</summary>
/// <param name="Coverage">Share of rows answered (0..1].</param>
/// <param name="Risk">Error rate on the answered rows (1 − selective accuracy).</param>
/// <param name="Confidence">The confidence threshold that answers exactly these rows.</param>
internal readonly record struct RiskCoveragePoint(double Coverage, double Risk, double Confidence);

/// <summary>The candidate's abstention at one confidence threshold, and its whole risk–coverage curve.</summary>
internal sealed record Abstention
{
    /// <summary>The confidence threshold judged.</summary>
    public required double Threshold { get; init; }

    /// <summary>Rows judged.</summary>
    public required int Rows { get; init; }

    /// <summary>Rows whose confidence is below the threshold.</summary>
    public required int Abstained { get; init; }

    /// <summary>Answered rows predicted correctly.</summary>
    public required int CorrectAnswered { get; init; }

    /// <summary>Accuracy on every row, for comparison.</summary>
    public required double OverallAccuracy { get; init; }

    /// <summary>The risk–coverage curve, most confident first (at most <see cref="Metrics.RejectOption.CurvePoints"/> points).</summary>
    public IReadOnlyList<RiskCoveragePoint> Curve { get; init; } = [];

    /// <summary>Abstained / rows.</summary>
    public double AbstainedShare => Rows == 0 ? double.NaN : (double)Abstained / Rows;

    /// <summary>Correct / answered; NaN when every row is abstained on.</summary>
    public double SelectiveAccuracy => Rows == Abstained ? double.NaN : (double)CorrectAnswered / (Rows - Abstained);
}
