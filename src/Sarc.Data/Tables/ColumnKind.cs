namespace Sarc.Data.Tables;

/// <summary>The inferred type of a column: numeric when every non-missing cell parses as a number (invariant culture).</summary>
public enum ColumnKind
{
    Numeric,
    Text,
}
