namespace Sarc.Data.Tables;

/// <summary>
/// A rectangular table read from a file: named, typed columns of equal length. Row <c>i</c> came from line
/// <see cref="LineNumbers"/>[i] of <see cref="Source"/> (the header is line 1), so that errors can point at the line.
/// </summary>
public sealed class DataFrame
{
    private readonly Dictionary<string, DataColumn> byName;

    /// <summary>
    /// A table of <paramref name="columns"/>, one row per entry of <paramref name="lineNumbers"/>. Where two columns share
    /// a name, <see cref="Column"/> finds the first.
    /// </summary>
    /// <exception cref="ArgumentException">A column's length differs from the number of line numbers.</exception>
    public DataFrame(string source, IReadOnlyList<DataColumn> columns, int[] lineNumbers)
    {
        Source = source;
        Columns = columns;
        LineNumbers = lineNumbers;
        byName = new Dictionary<string, DataColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Length != lineNumbers.Length)
            {
                throw new ArgumentException($"Column '{column.Name}' has {column.Length} rows, expected {lineNumbers.Length}.");
            }
            byName.TryAdd(column.Name, column);
        }
    }

    /// <summary>Where the table came from (a file path), used in error messages.</summary>
    public string Source { get; }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<DataColumn> Columns { get; }

    /// <summary>The 1-based line in <see cref="Source"/> on which each row starts.</summary>
    public int[] LineNumbers { get; }

    /// <summary>Number of rows (the header not counted).</summary>
    public int RowCount => LineNumbers.Length;

    /// <summary>True when a column is called exactly <paramref name="name"/> (case-sensitive).</summary>
    public bool HasColumn(string name) => byName.ContainsKey(name);

    /// <summary>A table of the rows at <paramref name="rows"/> (in the order given), keeping their file lines for errors.</summary>
    public DataFrame SelectRows(IReadOnlyList<int> rows) =>
        new(Source, Columns.Select(column => column.Gather(rows)).ToArray(), LinesOf(rows));

    /// <summary>The file lines of <paramref name="rows"/>.</summary>
    public int[] LinesOf(IReadOnlyList<int> rows)
    {
        var lines = new int[rows.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = LineNumbers[rows[i]];
        }
        return lines;
    }

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="DataInputException">No such column; the message lists the columns there are.</exception>
    public DataColumn Column(string name)
    {
        if (byName.TryGetValue(name, out var column))
        {
            return column;
        }
        throw new DataInputException(
            $"{Source}: column '{name}' not found; the columns are: {string.Join(", ", Columns.Select(c => c.Name))}");
    }
}
