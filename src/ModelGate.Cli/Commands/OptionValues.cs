using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ModelGate.Cli.Commands;

/// <summary>
/// Options whose values are parsed here instead of by System.CommandLine's defaults, so that a wrong value gets one line
/// in the user's words with the accepted range (never a .NET type name such as <c>System.Nullable`1[System.UInt64]</c>).
/// </summary>
internal static class OptionValues
{
    /// <summary>An optional whole number in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="hint"/> ends the error.</summary>
    public static Option<int?> WholeNumber(string name, string description, int min, int max, string? hint = null) =>
        new(name) { Description = description, CustomParser = r => Parse(r, name, min, max, s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null, hint) };

    /// <summary>An optional unsigned 64-bit number (seeds).</summary>
    public static Option<ulong?> Seed(string name, string description) =>
        new(name)
        {
            Description = description,
            CustomParser = r => Parse(r, name, 0UL, ulong.MaxValue, s => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null, null),
        };

    /// <summary>One of an enum's members, written in lower case on the command line.</summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue)
        where T : struct, Enum
    {
        var choices = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
        return new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var text = Single(r);
                if (text is not null && Enum.TryParse<T>(text, ignoreCase: true, out var value) && choices.Contains(text.ToLowerInvariant()))
                {
                    return value;
                }

                r.AddError($"{name} must be one of {string.Join(", ", choices)}; got '{text}'");
                return defaultValue;
            },
        };
    }

    private static T? Parse<T>(ArgumentResult result, string name, T min, T max, Func<string, T?> parse, string? hint)
        where T : struct, IComparable<T>
    {
        var text = Single(result);
        if (text is not null && parse(text.Trim()) is { } value && value.CompareTo(min) >= 0 && value.CompareTo(max) <= 0)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min:N0} to {max:N0}; got '{text}'{(hint is null ? string.Empty : "; " + hint)}"));
        return null;
    }

    private static string? Single(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
}
