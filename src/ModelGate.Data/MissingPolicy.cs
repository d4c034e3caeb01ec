namespace ModelGate.Data;

/// <summary>What happens to a row that has a missing value in a feature column.</summary>
internal enum MissingPolicy
{
    /// <summary>Stop with an error naming the first offending rows (the default).</summary>
    Fail,

    /// <summary>Skip the row and report how many were skipped.</summary>
    Drop,

    /// <summary>Keep the row; the missing value reaches the model as NaN.</summary>
    PassNaN,
}
