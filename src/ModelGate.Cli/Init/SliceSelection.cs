namespace ModelGate.Cli.Init;

/// <summary>
/// Columns worth slicing on: few distinct values (a band or a category, never a continuous measurement such as
/// <c>alcohol</c>), not the label and not an id. Text columns the model does not read come first: they are usually the
/// groups people ask about (sex, language), where a model feature is often an encoding of one.
/// </summary>
internal static class SliceSelection
{
    /// <summary>The most distinct values a slice column may have.</summary>
    public const int MaxGroups = 10;

    /// <summary>The most distinct values a model feature may have to be sliced on (an indicator, not a pixel or a count).</summary>
    public const int MaxFeatureGroups = 3;

    /// <summary>The most slices suggested.</summary>
    public const int MaxSlices = 3;

    /// <summary>Up to <see cref="MaxSlices"/> low-cardinality columns, best first.</summary>
    public static IReadOnlyList<string> Choose(HoldoutProfile profile, string label, IReadOnlyCollection<string> features)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(features);
        return [.. profile.Columns
            .Where(c => c.Name != label && !c.IsId && c.Distinct is >= 2 and <= MaxGroups)
            .Where(c => !features.Contains(c.Name) || c.Distinct <= MaxFeatureGroups)
            .OrderBy(c => features.Contains(c.Name) ? 1 : 0)
            .ThenBy(c => c.IsNumeric ? 1 : 0)
            .Select(c => c.Name)
            .Take(MaxSlices)];
    }
}
