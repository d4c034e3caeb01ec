namespace ModelGate.Core.Results;

/// <summary>One bin of a reliability diagram.</summary>
internal sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double ObservedFrequency);

/// <summary>Reliability bins of both models for the calibration section and charts.</summary>
internal sealed record CalibrationCurve(string Metric, IReadOnlyList<ReliabilityBin> Candidate, IReadOnlyList<ReliabilityBin>? Baseline);
