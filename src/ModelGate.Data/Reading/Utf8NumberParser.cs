using System.Globalization;
using System.Runtime.CompilerServices;

namespace ModelGate.Data.Reading;

/// <summary>
/// Culture-invariant number parsing from UTF-8 spans. Plain decimals with at most 19 digits whose mantissa fits in
/// 53 bits and whose power of ten is at most 22 are computed with one exact IEEE operation (Clinger's fast path,
/// correctly rounded); everything else goes to the runtime's parser, which is also correctly rounded.
/// </summary>
internal static class Utf8NumberParser
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses a double (decimal or exponent notation, optional sign, Infinity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        if (TryFastDouble(text, out value))
        {
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a 64-bit integer with an optional sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value)
    {
        // Up to 18 digits cannot overflow; longer or unusual text goes to the runtime's parser.
        var i = text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+') ? 1 : 0;
        var digits = text.Length - i;
        if (digits is > 0 and <= 18)
        {
            long result = 0;
            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    value = 0;
                    return false;
                }

                result = (result * 10) + d;
            }

            value = text[0] == (byte)'-' ? -result : result;
            return true;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether the text is a boolean literal, and which (true/false, any ASCII case).</summary>
    public static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(text, "true"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return System.Text.Ascii.EqualsIgnoreCase(text, "false"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFastDouble(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var n = text.Length;
        if (n == 0)
        {
            return false;
        }

        var i = 0;
        var negative = text[0] == (byte)'-';
        if (negative || text[0] == (byte)'+')
        {
            i = 1;
        }

        ulong mantissa = 0;
        var integerStart = i;
        while (i < n)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                break;
            }

            mantissa = (mantissa * 10) + d;
            i++;
        }

        var digits = i - integerStart;
        var fractionDigits = 0;
        if (i < n && text[i] == (byte)'.')
        {
            var fractionStart = ++i;
            while (i < n)
            {
                var d = (uint)(text[i] - '0');
                if (d > 9)
                {
                    break;
                }

                mantissa = (mantissa * 10) + d;
                i++;
            }

            fractionDigits = i - fractionStart;
            digits += fractionDigits;
        }

        // At most 19 digits keeps the mantissa from overflowing 64 bits (leading zeros count, which is only cautious).
        if (digits == 0 || digits > 19)
        {
            return false;
        }

        var exponent = 0;
        if (i < n && ((text[i] | 0x20) != (byte)'e' || !TryExponent(text[(i + 1)..], out exponent)))
        {
            return false;
        }

        var power = exponent - fractionDigits;
        if (mantissa > (1UL << 53) || power < -22 || power > 22)
        {
            return false;
        }

        var result = (double)mantissa;
        result = power < 0 ? result / PowersOfTen[-power] : result * PowersOfTen[power];
        value = negative ? -result : result;
        return true;
    }

    private static bool TryExponent(ReadOnlySpan<byte> text, out int exponent)
    {
        exponent = 0;
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        if (i == text.Length || text.Length - i > 3)
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            var d = (uint)(text[i] - '0');
            if (d > 9)
            {
                return false;
            }

            exponent = (exponent * 10) + (int)d;
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }
}
