using System.Text;
using System.Text.RegularExpressions;

namespace ModelGate.Onnx.Errors;

/// <summary>
/// Makes ORT's error text fit one line for the user: drops the C++ source location and function signature ORT
/// prefixes ("/onnxruntime_src/...cc:46 void onnxruntime::...(...) "), its "[ONNXRuntimeError] : 1 : FAIL : "
/// tag, and line breaks. The raw text stays available on <see cref="OrtException.OrtMessage"/>.
/// </summary>
internal static partial class OrtMessageText
{
    public static string Clean(string message)
    {
        var text = Whitespace().Replace(message, " ").Trim();
        for (var location = SourceLocation().Match(text); location.Success; location = SourceLocation().Match(text))
        {
            var open = text.IndexOf('(', location.Index + location.Length);
            var close = open < 0 ? -1 : MatchingParenthesis(text, open);
            var end = close < 0 ? location.Index + location.Length : close + 1;
            text = new StringBuilder(text).Remove(location.Index, end - location.Index).ToString().Trim();
        }

        text = ErrorTag().Replace(text, string.Empty);
        return Whitespace().Replace(text, " ").Trim();
    }

    private static int MatchingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:/|[A-Za-z]:\\)[^\s:]+\.(?:cc|cpp|cu|h|hpp):\d+ ")]
    private static partial Regex SourceLocation();

    [GeneratedRegex(@"\[ONNXRuntimeError\] : \d+ : [A-Z_]+ : ")]
    private static partial Regex ErrorTag();
}
