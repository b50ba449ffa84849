namespace Sarc.Cli.Output;

/// <summary>A plain aligned text table for the readable (non-JSON) output: text left-aligned, numbers right-aligned.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public TextTable AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }
        rows.Add(cells);
        return this;
    }

    public void Write(TextWriter output)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        WriteRow(output, headers, widths, alignNumbers: false);
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            WriteRow(output, row, widths, alignNumbers: true);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths, bool alignNumbers)
    {
        var padded = cells.Select((cell, i) =>
            alignNumbers && LooksNumeric(cell) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        output.WriteLine(string.Join("  ", padded).TrimEnd());
    }

    private static bool LooksNumeric(string cell) =>
        cell.Length > 0 && (char.IsDigit(cell[0]) || cell[0] is '-' or '<' or '.') &&
        (double.TryParse(cell.TrimStart('<'), NumberStyles.Float, CultureInfo.InvariantCulture, out _) || cell == "-");
}
