using System.Globalization;
using System.Text;
using ModelGate.Core.Text;

namespace ModelGate.Reports.Text;

/// <summary>How an evidence row's texts read in every report: shortened without splitting a character, answers with their confidence.</summary>
internal static class EvidenceText
{
    /// <summary>
    /// At most <paramref name="max"/> characters (text elements, so an emoji or an accented letter is never cut in
    /// half), ending with an ellipsis when cut.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var sb = new StringBuilder(max + 1);
        var elements = StringInfo.GetTextElementEnumerator(text);
        var count = 0;
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (++count == max)
            {
                // Exactly max elements fit whole; with more left, the last place goes to the ellipsis.
                return elements.MoveNext() ? sb.Append('…').ToString() : sb.Append(element).ToString();
            }

            sb.Append(element);
        }

        return sb.ToString();
    }

    /// <summary>A model's answer, e.g. "7 (0.912)".</summary>
    public static string Answer(EvidencePrediction? prediction) =>
        prediction is null ? "—" : $"{prediction.Class} ({NumberText.Value(prediction.Confidence)})";
}
