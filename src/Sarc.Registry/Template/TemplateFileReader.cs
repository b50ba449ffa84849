using System.Globalization;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Sarc.Data;
using Sylvan.Data.Csv;

namespace Sarc.Registry.Template;

/// <summary>
/// Reads a template file (<c>.xlsx</c> by extension, otherwise CSV) into text cells. Nothing is validated here except
/// that the file can be read; every cell keeps its text (spreadsheet numbers and dates are turned into the template's
/// text forms) so that the validator sees what the user wrote.
/// </summary>
internal static class TemplateFileReader
{
    /// <exception cref="DataInputException">The file is missing, unreadable, not CSV/xlsx, or has no header row.</exception>
    public static RawTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataInputException($"{path}: file not found");
        }
        try
        {
            return IsExcel(path) ? ReadExcel(path) : ReadCsv(path);
        }
        catch (DataInputException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException or InvalidDataException
            or InvalidOperationException or FormatException or System.Xml.XmlException)
        {
            throw new DataInputException($"{path}: cannot be read: {OneLine(e.Message)}");
        }
    }

    public static bool IsExcel(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static RawTable ReadCsv(string path)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        if (text.Peek() < 0)
        {
            throw new DataInputException($"{path}: empty file; a header row is required");
        }
        // '#' starts no comment here: a pseudonym may begin with it.
        var options = new CsvDataReaderOptions { HasHeaders = true, Comment = '\0' };
        using var csv = CsvDataReader.Create(text, options);
        var header = new string[csv.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = csv.GetName(i).Trim();
        }
        if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
        {
            throw new DataInputException($"{path}: empty file; a header row is required");
        }
        var rows = new List<string[]>();
        var lines = new List<int>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            var count = csv.RowFieldCount;
            var cells = new string[Math.Max(count, header.Length)];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < count ? csv.GetString(i) : "";
            }
            rows.Add(cells);
            lines.Add(line);
        }
        return new RawTable(path, header, rows, lines);
    }

    private static RawTable ReadExcel(string path)
    {
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        var line = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false))
        {
            line++;
            var cells = new string[row.Count];
            var i = 0;
            foreach (var value in row.Values)
            {
                cells[i++] = CellText(value);
            }
            if (header is null)
            {
                header = TrimTrailingEmpty(cells);
                continue;
            }
            rows.Add(cells);
            lines.Add(line);
        }
        if (header is null || header.Length == 0)
        {
            throw new DataInputException($"{path}: empty spreadsheet; a header row is required");
        }
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = header[i].Trim();
        }
        return new RawTable(path, header, rows, lines);
    }

    private static string[] TrimTrailingEmpty(string[] cells)
    {
        var n = cells.Length;
        while (n > 0 && string.IsNullOrWhiteSpace(cells[n - 1]))
        {
            n--;
        }
        return cells[..n];
    }

    /// <summary>Spreadsheet values in the template's text forms: numbers round-trip, dates ISO.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int n => n.ToString(CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
