using System.Globalization;

namespace ModelGate.Policy.Yaml;

/// <summary>The YAML 1.2 core schema for plain scalars: null, booleans, integers and floats; everything else is text.</summary>
internal static class ScalarTypes
{
    /// <summary>True when the scalar is a plain boolean; the value in <paramref name="value"/>.</summary>
    public static bool TryBoolean(ScalarNode node, out bool value)
    {
        ArgumentNullException.ThrowIfNull(node);
        value = false;
        if (node.Quoted || node.Block)
        {
            return false;
        }

        switch (node.Value)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when the scalar is a plain integer.</summary>
    public static bool TryInteger(ScalarNode node, out long value)
    {
        ArgumentNullException.ThrowIfNull(node);
        value = 0;
        return !node.Quoted && !node.Block &&
            long.TryParse(node.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when the scalar is a plain number (integer or float, not inf/nan).</summary>
    public static bool TryNumber(ScalarNode node, out double value)
    {
        ArgumentNullException.ThrowIfNull(node);
        value = 0;
        if (node.Quoted || node.Block || node.Value.Length == 0)
        {
            return false;
        }

        var c = node.Value[0];
        if (!(char.IsAsciiDigit(c) || c is '-' or '+' or '.'))
        {
            return false;
        }

        return double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>"a number", "a string"... for "expected X, got Y" messages.</summary>
    public static string Describe(ScalarNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsNull)
        {
            return "nothing (null)";
        }

        if (TryBoolean(node, out _))
        {
            return "a boolean";
        }

        if (TryInteger(node, out _))
        {
            return "an integer";
        }

        return TryNumber(node, out _) ? "a number" : "a string";
    }
}
