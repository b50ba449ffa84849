namespace Sarc.Data.Tables;

/// <summary>
/// One column of a <see cref="DataFrame"/>: either numeric (<see cref="Numbers"/>, <see cref="double.NaN"/> for a
/// missing cell) or text (<see cref="Texts"/>, <c>null</c> for a missing cell).
/// </summary>
public sealed class DataColumn
{
    /// <summary>A column of <paramref name="kind"/>: <paramref name="numbers"/> for a numeric column, <paramref name="texts"/> for a text one (the other is ignored).</summary>
    /// <exception cref="ArgumentException">The array the kind needs is null.</exception>
    public DataColumn(string name, ColumnKind kind, double[]? numbers, string?[]? texts)
    {
        if (kind == ColumnKind.Numeric ? numbers is null : texts is null)
        {
            throw new ArgumentException($"A {kind} column needs its {(kind == ColumnKind.Numeric ? "numbers" : "texts")}.");
        }
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Texts = texts;
        Length = numbers?.Length ?? texts!.Length;
    }

    /// <summary>The column's name as in the file's header (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>Whether the cells are in <see cref="Numbers"/> or <see cref="Texts"/>.</summary>
    public ColumnKind Kind { get; }

    /// <summary>The values of a numeric column (NaN = missing); null for a text column.</summary>
    public double[]? Numbers { get; }

    /// <summary>The cells of a text column as written (null = missing: empty or <c>NA</c>); null for a numeric column.</summary>
    public string?[]? Texts { get; }

    /// <summary>Number of cells (rows).</summary>
    public int Length { get; }

    /// <summary>True when the cell at 0-based <paramref name="row"/> is missing (NaN, or a null text).</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="row"/> is outside [0, <see cref="Length"/>).</exception>
    public bool IsMissing(int row) => Numbers is not null ? double.IsNaN(Numbers[row]) : Texts![row] is null;

    /// <summary>The same column at <paramref name="rows"/> (indices into this column, in the order given; repeats allowed).</summary>
    public DataColumn Gather(IReadOnlyList<int> rows)
    {
        if (Numbers is { } numbers)
        {
            var values = new double[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = numbers[rows[i]];
            }
            return new DataColumn(Name, ColumnKind.Numeric, values, null);
        }
        var texts = new string?[rows.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = Texts![rows[i]];
        }
        return new DataColumn(Name, ColumnKind.Text, null, texts);
    }

    /// <summary>The cell as text: a text cell as written, a number in its shortest round-trip form, null when missing.</summary>
    public string? TextAt(int row) => Numbers is not null
        ? double.IsNaN(Numbers[row]) ? null : Numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : Texts![row];
}
