namespace ModelGate.Core.Results;

/// <summary>A headline metric side by side: candidate, baseline, and the paired delta.</summary>
internal sealed record MetricComparison(string Metric, Estimate Candidate, Estimate? Baseline, Estimate? Delta);
