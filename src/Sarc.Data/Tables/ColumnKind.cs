namespace Sarc.Data.Tables;

/// <summary>The inferred type of a column: numeric when every non-missing cell parses as a number (invariant culture).</summary>
public enum ColumnKind
{
    /// <summary>Every non-missing cell parses as a number: values in <see cref="DataColumn.Numbers"/>, NaN for missing.</summary>
    Numeric,
    /// <summary>Any other column: cells as written in <see cref="DataColumn.Texts"/>, null for missing.</summary>
    Text,
}
