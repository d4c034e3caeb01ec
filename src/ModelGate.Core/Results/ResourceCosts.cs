using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Results;

/// <summary>The candidate's and (when there is one) the baseline's measured resource cost.</summary>
internal sealed record ResourceCosts(ResourceCost Candidate, ResourceCost? Baseline);
