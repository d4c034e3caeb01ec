using System.Globalization;

namespace ModelGate.GitHub.Actions;

/// <summary>The workflow commands for a set of annotations, capped at what GitHub shows per step.</summary>
/// <param name="Commands">The lines to print to standard output, most important first within each level.</param>
/// <param name="Omitted">How many annotations of each level were left out.</param>
internal sealed record AnnotationBatch(IReadOnlyList<string> Commands, IReadOnlyDictionary<AnnotationLevel, int> Omitted)
{
    /// <summary>A line for the job summary saying what was left out, or null when nothing was.</summary>
    public string? SummaryNote => Omitted.Values.Sum() == 0
        ? null
        : "Annotations omitted (GitHub shows at most 10 per level and step): " +
          string.Join(", ", Omitted.Where(o => o.Value > 0).Select(o =>
              o.Value.ToString(CultureInfo.InvariantCulture) + " " + o.Key.ToString().ToLowerInvariant())) +
          "; all checks are in the report.";
}

/// <summary>Formats annotations as <c>::error file=...,line=...,title=...::message</c> commands.</summary>
internal static class Annotations
{
    /// <summary>GitHub displays at most this many annotations of each level per step.</summary>
    public const int PerLevelLimit = 10;

    /// <summary>
    /// Sorts each level by priority, keeps the first ten, and when some were dropped adds one notice saying how many;
    /// the notice takes a notice slot so it is always shown.
    /// </summary>
    public static AnnotationBatch Format(IEnumerable<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var all = annotations.ToList();
        var commands = new List<string>();
        var omitted = new Dictionary<AnnotationLevel, int>();
        var noticeRoom = PerLevelLimit;
        foreach (var level in new[] { AnnotationLevel.Error, AnnotationLevel.Warning })
        {
            var ofLevel = Ordered(all, level);
            commands.AddRange(ofLevel.Take(PerLevelLimit).Select(Command));
            omitted[level] = Math.Max(0, ofLevel.Count - PerLevelLimit);
        }

        var notices = Ordered(all, AnnotationLevel.Notice);
        var anyOmitted = omitted.Values.Sum() > 0 || notices.Count > PerLevelLimit;
        if (anyOmitted)
        {
            noticeRoom--;
        }

        commands.AddRange(notices.Take(noticeRoom).Select(Command));
        omitted[AnnotationLevel.Notice] = Math.Max(0, notices.Count - noticeRoom);
        var batch = new AnnotationBatch(commands, omitted);
        if (batch.SummaryNote is { } note)
        {
            commands.Add("::notice title=" + WorkflowCommand.EscapeProperty("ModelGate") + "::" + WorkflowCommand.EscapeData(note));
        }

        return batch;
    }

    /// <summary>Writes the commands, one per line, to <paramref name="output"/> (standard output in a workflow).</summary>
    public static AnnotationBatch Write(IEnumerable<Annotation> annotations, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var batch = Format(annotations);
        foreach (var command in batch.Commands)
        {
            output.Write(command);
            output.Write('\n');
        }

        return batch;
    }

    /// <summary>One annotation as a workflow command.</summary>
    public static string Command(Annotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var properties = new List<string> { "file=" + WorkflowCommand.EscapeProperty(annotation.File) };
        if (annotation.Line is { } line)
        {
            properties.Add("line=" + line.ToString(CultureInfo.InvariantCulture));
        }

        properties.Add("title=" + WorkflowCommand.EscapeProperty(annotation.Title));
        return "::" + annotation.Level.ToString().ToLowerInvariant() + " " + string.Join(',', properties) + "::" +
               WorkflowCommand.EscapeData(annotation.Message);
    }

    private static List<Annotation> Ordered(List<Annotation> all, AnnotationLevel level) =>
        all.Where(a => a.Level == level).OrderBy(a => a.Priority).ToList();
}
