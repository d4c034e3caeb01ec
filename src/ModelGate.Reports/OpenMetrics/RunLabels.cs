namespace ModelGate.Reports.OpenMetrics;

/// <summary>
/// The labels every sample carries (gate, repository, branch, pr, commit, dataset_sha256), and those of a model
/// (role, model_sha256, model_version). Unknown values are left out rather than written empty.
/// </summary>
internal sealed class RunLabels
{
    private readonly List<Label> _common = [];
    private readonly IReadOnlyList<ModelFingerprint> _models;

    public RunLabels(ReportContext context)
    {
        AddIfKnown(_common, "gate", context.GateKey);
        AddIfKnown(_common, "repository", context.Run.Repository);
        AddIfKnown(_common, "branch", context.Run.Branch);
        AddIfKnown(_common, "pr", context.Run.PullRequest);
        AddIfKnown(_common, "commit", context.Run.Commit);
        AddIfKnown(_common, "dataset_sha256", context.Provenance?.Data.FirstOrDefault(d => d.Role == "holdout")?.Sha256);
        _models = context.Provenance?.Models ?? [];
    }

    /// <summary>The labels of the run, then <paramref name="extra"/>.</summary>
    public IReadOnlyList<Label> Run(params Label[] extra) => [.. _common, .. extra];

    /// <summary>The labels of the run, the model in <paramref name="role"/>, then <paramref name="extra"/>.</summary>
    public IReadOnlyList<Label> Model(string role, params Label[] extra)
    {
        var labels = new List<Label>(_common) { new("role", role) };
        var model = _models.FirstOrDefault(m => m.Role == role);
        AddIfKnown(labels, "model_sha256", model?.Sha256);
        AddIfKnown(labels, "model_version", model?.Version);
        labels.AddRange(extra);
        return labels;
    }

    private static void AddIfKnown(List<Label> labels, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            labels.Add(new Label(name, value));
        }
    }
}
