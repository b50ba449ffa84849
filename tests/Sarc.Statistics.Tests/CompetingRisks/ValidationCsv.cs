using System.Globalization;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.CompetingRisks;

/// <summary>
/// Reads the small, unquoted validation CSVs that the R scripts wrote (validation/data), keeping only rows complete
/// in the columns asked for, as R's na.omit: the statistics library itself takes no missing values.
/// </summary>
internal sealed class ValidationCsv
{
    private readonly string[] header;
    private readonly List<string[]> rows;

    private ValidationCsv(string[] header, List<string[]> rows)
    {
        this.header = header;
        this.rows = rows;
    }

    public int RowCount => rows.Count;

    public static ValidationCsv Read(string name, params string[] columns)
    {
        var lines = File.ReadAllLines(Fixture.PathOf("validation", "data", name + ".csv"));
        var header = lines[0].Split(',');
        var indices = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var rows = new List<string[]>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            if (indices.All(i => i < cells.Length && cells[i] is not ("NA" or "")))
            {
                rows.Add(cells);
            }
        }
        return new ValidationCsv(header, rows);
    }

    public double[] Numbers(string column)
    {
        var index = Array.IndexOf(header, column);
        return rows.Select(r => double.Parse(r[index], CultureInfo.InvariantCulture)).ToArray();
    }

    public string[] Texts(string column)
    {
        var index = Array.IndexOf(header, column);
        return rows.Select(r => index < r.Length ? r[index] : "").ToArray();
    }

    public int[] Integers(string column) => Numbers(column).Select(v => (int)v).ToArray();

    /// <summary>Text codes as 0-based factor codes in ordinal order of the labels (R's factor levels for these data).</summary>
    public (int[] Codes, string[] Levels) Factor(string column)
    {
        var index = Array.IndexOf(header, column);
        var levels = rows.Select(r => r[index]).Distinct().Order(StringComparer.Ordinal).ToArray();
        return (rows.Select(r => Array.IndexOf(levels, r[index])).ToArray(), levels);
    }
}
