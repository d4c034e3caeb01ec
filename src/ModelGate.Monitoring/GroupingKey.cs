using System.Text;

namespace ModelGate.Monitoring;

/// <summary>
/// Which Pushgateway group a run replaces: the job and labels that identify one gate on one branch or pull request, so
/// the latest run of each stays visible. Values are base64url-encoded in the path, so slashes in branch names are safe.
/// </summary>
internal sealed record GroupingKey
{
    /// <summary>The job label of every push.</summary>
    public const string DefaultJob = "modelgate";

    /// <summary>Creates a key; labels with empty values are left out.</summary>
    public GroupingKey(string job, IEnumerable<KeyValuePair<string, string?>> labels)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        ArgumentNullException.ThrowIfNull(labels);
        Job = job;
        Labels = [.. labels.Where(l => !string.IsNullOrEmpty(l.Value)).Select(l => new KeyValuePair<string, string>(l.Key, l.Value!))];
    }

    /// <summary>The job label.</summary>
    public string Job { get; }

    /// <summary>The other labels, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    /// <summary>The relative path <c>metrics/job@base64/JOB/NAME@base64/VALUE...</c>.</summary>
    public string ToPath()
    {
        var path = new StringBuilder("metrics/job@base64/").Append(Encode(Job));
        foreach (var (name, value) in Labels)
        {
            path.Append('/').Append(name).Append("@base64/").Append(Encode(value));
        }

        return path.ToString();
    }

    private static string Encode(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');
}
