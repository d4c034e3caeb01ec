using System.Globalization;
using ModelGate.Core.Limits;

namespace ModelGate.Data.Reading;

/// <summary>The bound on columns per record: a header of millions of names would cost memory for every chunk.</summary>
internal static class FieldLimit
{
    /// <summary>Throws when <paramref name="count"/> fields exceed the limit.</summary>
    public static void Check(string file, long line, int count, ResourceLimits limits)
    {
        if (count > limits.Fields)
        {
            throw new HoldoutException(file, line, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{count:N0} fields, more than {limits.Fields:N0} (fields)"),
                LimitExceededException.HowToRaise("fields"));
        }
    }
}
