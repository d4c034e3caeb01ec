namespace ModelGate.Data.Labels;

/// <summary>Class labels as indices, ready for Core's <c>EvaluationData.ClassLabels</c> and <c>ClassNames</c>.</summary>
/// <param name="ClassIndex">The class index per row (binary: 1 = positive).</param>
/// <param name="ClassNames">Class names in index order (binary: [negative, positive]).</param>
internal sealed record EncodedLabels(int[] ClassIndex, IReadOnlyList<string> ClassNames);
