using System.Globalization;
using ModelGate.Core;
using ModelGate.Policy.Printing;

namespace ModelGate.Cli.Init;

/// <summary>
/// <c>init --interactive</c>: asks for the label, the task and each bound, showing the guess as the default (Enter keeps it).
/// Used only when stdin is a terminal; otherwise <c>init</c> keeps its guesses.
/// </summary>
/// <param name="input">Where answers come from.</param>
/// <param name="output">Where questions go.</param>
internal sealed class InitPrompts(TextReader input, TextWriter output)
{
    /// <summary>True when questions can be asked: stdin is a terminal, not a pipe or a file.</summary>
    public static bool CanAsk => !Console.IsInputRedirected;

    /// <summary>The label column, from the holdout's columns.</summary>
    public string Label(string guess, IReadOnlyList<string> columns) =>
        Ask($"label column ({HoldoutProfile.List(columns)})", guess, a => (columns.Contains(a, StringComparer.Ordinal), a));

    /// <summary>The task.</summary>
    public TaskKind Task(TaskKind guess, string why) =>
        Ask($"task: binary, multiclass or regression ({why})", guess,
            a => (Enum.TryParse<TaskKind>(a, ignoreCase: true, out var t) && Enum.IsDefined(t) && !a.Any(char.IsDigit), t));

    /// <summary>Each absolute bound, starting from the one measured on the candidate.</summary>
    public PolicyDraft Bounds(PolicyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var bounds = draft.Bounds.ToDictionary(StringComparer.Ordinal);
        foreach (var (metric, bound) in draft.Bounds)
        {
            var key = draft.Checks.First(c => c.Metric == metric).AbsoluteKey;
            var value = Ask($"{metric} {key} ({bound.Comment})", bound.Value,
                a => (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v), v));
            bounds[metric] = value == bound.Value ? bound : new InitBound(value, "set with init --interactive");
        }

        return draft with { Bounds = bounds };
    }

    private T Ask<T>(string question, T guess, Func<string, (bool Ok, T Value)> parse)
    {
        var shown = guess is double d ? YamlText.Suggested(d) : guess?.ToString()?.ToLowerInvariant();
        while (true)
        {
            output.Write($"{question} [{shown}]: ");
            var answer = input.ReadLine()?.Trim();
            if (string.IsNullOrEmpty(answer))
            {
                return guess;
            }

            var (ok, value) = parse(answer);
            if (ok)
            {
                return value;
            }

            output.WriteLine($"'{answer}' is not one of the choices; press Enter to keep {shown}.");
        }
    }
}
