using System.Globalization;

namespace ModelGate.Policy.Where;

/// <summary>Per-row accessors for operands, with the errors a user can act on.</summary>
internal static class ColumnValues
{
    public static bool HasNumeric(IHoldoutColumns columns, string name) => columns.TryGetNumeric(name, out _);

    public static Func<int, double> Numbers(IHoldoutColumns columns, Operand operand)
    {
        switch (operand)
        {
            case NumberOperand n:
                return _ => n.Value;
            case TextOperand t:
                throw new SafetySetException($"cannot compare the text {t} with a number");
            case ColumnOperand c:
                if (columns.TryGetNumeric(c.Name, out var values))
                {
                    return i => values[i];
                }

                Require(columns, c);
                throw new SafetySetException($"column '{c.Name}' holds text, so it cannot be compared with a number; compare it with a 'quoted' value");
            default:
                throw new ArgumentOutOfRangeException(nameof(operand));
        }
    }

    public static Func<int, string?> Texts(IHoldoutColumns columns, Operand operand)
    {
        switch (operand)
        {
            case TextOperand t:
                return _ => t.Value;
            case NumberOperand n:
                var s = n.Value.ToString("R", CultureInfo.InvariantCulture);
                return _ => s;
            case ColumnOperand c:
                if (columns.TryGetText(c.Name, out var texts))
                {
                    return i => texts[i];
                }

                if (columns.TryGetNumeric(c.Name, out var values))
                {
                    return i => double.IsNaN(values[i]) ? null : values[i].ToString("R", CultureInfo.InvariantCulture);
                }

                Require(columns, c);
                return _ => null;
            default:
                throw new ArgumentOutOfRangeException(nameof(operand));
        }
    }

    private static void Require(IHoldoutColumns columns, ColumnOperand c)
    {
        if (!columns.TryGetText(c.Name, out _) && !columns.TryGetNumeric(c.Name, out _))
        {
            throw new SafetySetException($"the holdout has no column '{c.Name}'");
        }
    }
}
