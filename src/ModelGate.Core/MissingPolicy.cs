namespace ModelGate.Core;

/// <summary>
/// What happens to a holdout row that has a missing value in a column the run needs: the policy's <c>data.missing</c>
/// (written as the member's name in lower case) and the holdout reader's option are this one enum.
/// </summary>
internal enum MissingPolicy
{
    /// <summary>Stop with a data error naming the first offending rows and the column (the default).</summary>
    Fail,

    /// <summary>Drop the row and report how many were dropped.</summary>
    Drop,

    /// <summary>Keep the row; the missing value reaches the model as NaN.</summary>
    Nan,
}
