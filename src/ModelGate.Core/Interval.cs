namespace ModelGate.Core;

/// <summary>A two-sided confidence interval [Lower, Upper] at the given confidence level.</summary>
internal readonly record struct Interval(double Lower, double Upper, double Confidence)
{
    /// <summary>Upper minus lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>True when <paramref name="value"/> lies inside the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
