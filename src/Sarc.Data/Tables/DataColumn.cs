namespace Sarc.Data.Tables;

/// <summary>
/// One column of a <see cref="DataFrame"/>. Numeric columns store <see cref="double.NaN"/> for a missing cell;
/// text columns store <c>null</c>. The raw text of every cell is kept too, so that errors can quote what the user wrote.
/// </summary>
public sealed class DataColumn
{
    public DataColumn(string name, ColumnKind kind, double[]? numbers, string?[] texts)
    {
        if (kind == ColumnKind.Numeric && numbers is null)
        {
            throw new ArgumentException("A numeric column needs its numbers.", nameof(numbers));
        }
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Texts = texts;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>The parsed values of a numeric column (NaN = missing); null for a text column.</summary>
    public double[]? Numbers { get; }

    /// <summary>The cell text as written (null = missing: empty or <c>NA</c>), for every column kind.</summary>
    public string?[] Texts { get; }

    public int Length => Texts.Length;

    public bool IsMissing(int row) => Texts[row] is null;
}
