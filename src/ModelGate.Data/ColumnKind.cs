namespace ModelGate.Data;

/// <summary>How a column's values are stored.</summary>
internal enum ColumnKind
{
    /// <summary>Numbers stored as 64-bit floating point; missing values are NaN.</summary>
    Number,

    /// <summary>Whole numbers stored as 64-bit integers, with a missing mask.</summary>
    WholeNumber,

    /// <summary>true/false (case-insensitive), with a missing mask.</summary>
    Boolean,

    /// <summary>Categorical text: an int code per row (-1 = missing) into a dictionary of distinct values.</summary>
    Text,
}
