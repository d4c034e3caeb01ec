namespace ModelGate.Reports.OpenMetrics;

/// <summary>One label of a sample: a fixed name chosen by ModelGate and a value that may come from a pull request.</summary>
internal readonly record struct Label(string Name, string Value);
