using System.Globalization;
using ModelGate.Core.Text;

namespace ModelGate.Data.Labels;

/// <summary>Turns a holdout's label column into what Core evaluates: class indices or regression targets.</summary>
internal static class LabelEncoding
{
    private static readonly (string Negative, string Positive)[] KnownPairs = [("0", "1"), ("false", "true"), ("no", "yes")];

    /// <summary>
    /// Binary labels: 0/1, true/false or yes/no (any case) with the second as positive, or any two values when
    /// <paramref name="positiveClass"/> names the positive one. Index 1 = positive.
    /// </summary>
    public static EncodedLabels Binary(Holdout holdout, string column, string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        var values = LabelTexts(holdout, column);
        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (positiveClass is not null)
        {
            return WithPositive(holdout, column, values, distinct, positiveClass);
        }

        foreach (var (negative, positive) in KnownPairs)
        {
            if (distinct.All(v => string.Equals(v, negative, StringComparison.OrdinalIgnoreCase) || string.Equals(v, positive, StringComparison.OrdinalIgnoreCase)))
            {
                var index = values.Select(v => string.Equals(v, positive, StringComparison.OrdinalIgnoreCase) ? 1 : 0).ToArray();
                return new EncodedLabels(index, [Spelled(distinct, negative), Spelled(distinct, positive)]);
            }
        }

        throw new HoldoutException(
            holdout.File,
            null,
            column,
            null,
            "binary labels must be 0/1, true/false or yes/no, but the column holds " + Quoted(distinct, 6),
            "name the positive class (positive_class) so the other value is negative");
    }

    /// <summary>
    /// Multiclass labels mapped onto the model's class labels, in the model's order. <paramref name="classSource"/> says where
    /// those labels came from; a label they lack is then an error naming the labels seen, the model's and how to set them.
    /// </summary>
    public static EncodedLabels Multiclass(Holdout holdout, string column, IReadOnlyList<string> classLabels, string? classSource = null)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(classLabels);
        var values = LabelTexts(holdout, column);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < classLabels.Count; k++)
        {
            lookup.TryAdd(classLabels[k], k);
            if (double.TryParse(classLabels[k], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                // A model's labels may be written "3" or "3.0"; a label column's numbers are in shortest form.
                lookup.TryAdd(number.ToString("R", CultureInfo.InvariantCulture), k);
            }
        }

        var index = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!lookup.TryGetValue(values[i], out index[i]))
            {
                if (classSource is not null)
                {
                    var seen = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                    throw new HoldoutException(
                        holdout.File,
                        holdout.RowLine(i),
                        column,
                        values[i],
                        "label " + ConsoleText.Preview(values[i]) + " is not one of the model's output classes [" + Listed(classLabels, 20) + "] (" + classSource + "); the column holds " + Quoted(seen, 20),
                        "set models.classes to the labels in output-column order, e.g. classes: [" + Listed(seen, 20) + "] (check the order), or check that the model and the label column belong together");
                }

                throw new HoldoutException(
                    holdout.File,
                    holdout.RowLine(i),
                    column,
                    values[i],
                    "label " + ConsoleText.Preview(values[i]) + " is not one of the model's classes (" + string.Join(", ", classLabels.Take(20)) + (classLabels.Count > 20 ? ", ..." : string.Empty) + ")",
                    "fix the label, or check that the model and the label column belong together");
            }
        }

        return new EncodedLabels(index, [.. classLabels]);
    }

    /// <summary>Regression targets: a numeric column without missing values.</summary>
    public static double[] Regression(Holdout holdout, string column)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        var values = holdout.Column(column);
        if (values.Kind == ColumnKind.Text)
        {
            var first = Enumerable.Range(0, values.Length).First(i => !values.IsMissing(i));
            var text = values.ValueAsText(first);
            throw new HoldoutException(holdout.File, holdout.RowLine(first), column, text, "regression targets must be numbers, but the column holds text like " + ConsoleText.Preview(text), "choose a numeric label column, or declare the task as classification");
        }

        var targets = values.ToDoubles();
        for (var i = 0; i < targets.Length; i++)
        {
            if (double.IsNaN(targets[i]))
            {
                throw MissingLabel(holdout, column, i);
            }
        }

        return targets;
    }

    private static string[] LabelTexts(Holdout holdout, string column)
    {
        var values = holdout.Column(column);
        var texts = new string[values.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = values.ValueAsText(i) ?? throw MissingLabel(holdout, column, i);
        }

        return texts;
    }

    private static EncodedLabels WithPositive(Holdout holdout, string column, string[] values, List<string> distinct, string positiveClass)
    {
        if (!distinct.Contains(positiveClass, StringComparer.Ordinal))
        {
            throw new HoldoutException(holdout.File, null, column, positiveClass, "the positive class " + ConsoleText.Preview(positiveClass) + " never occurs; the column holds " + Quoted(distinct, 6), "set positive_class to one of those values");
        }

        var others = values.Where(v => v != positiveClass).Distinct(StringComparer.Ordinal).ToList();
        if (others.Count > 1)
        {
            var row = Array.FindIndex(values, v => v != positiveClass && v != others[0]);
            throw new HoldoutException(holdout.File, holdout.RowLine(row), column, values[row], "a binary label column holds more than two values: " + Quoted(distinct, 6), "use a binary label column, or declare the task as multiclass");
        }

        var negative = others.Count == 1 ? others[0] : "not " + positiveClass;
        var index = values.Select(v => v == positiveClass ? 1 : 0).ToArray();
        return new EncodedLabels(index, [negative, positiveClass]);
    }

    private static string Spelled(List<string> distinct, string canonical) =>
        distinct.FirstOrDefault(v => string.Equals(v, canonical, StringComparison.OrdinalIgnoreCase)) ?? canonical;

    private static string Listed(IReadOnlyList<string> values, int max) =>
        string.Join(", ", values.Take(max).Select(v => ConsoleText.Escape(v.Length <= 40 ? v : v[..40] + "…"))) + (values.Count > max ? ", ..." : string.Empty);

    private static string Quoted(List<string> values, int max) =>
        string.Join(", ", values.Take(max).Select(v => ConsoleText.Preview(v))) + (values.Count > max ? FormattableString.Invariant($" and {values.Count - max} more") : string.Empty);

    private static HoldoutException MissingLabel(Holdout holdout, string column, int row) =>
        new(holdout.File, holdout.RowLine(row), column, null, "the label is missing", "give every row a label, or remove the rows without one");
}
