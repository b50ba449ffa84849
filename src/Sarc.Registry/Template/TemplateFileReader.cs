using System.Globalization;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Sarc.Data;
using Sylvan.Data.Csv;

namespace Sarc.Registry.Template;

/// <summary>
/// Reads import files into text cells: a CSV file, or one sheet of an <c>.xlsx</c> workbook. Nothing is validated here
/// except that the file can be read; every cell keeps its text (spreadsheet numbers and dates are turned into the
/// registry's text forms) so that the validator sees what the user wrote. A CSV row keeps exactly the cells it has
/// (the parsers refuse a row shorter or longer than the header); a sheet's rows are padded to the header, since a
/// spreadsheet has no short rows, only empty cells.
/// </summary>
internal static class TemplateFileReader
{
    /// <summary>Reads <paramref name="path"/> as the flat template: <c>.xlsx</c> (first sheet) by extension, otherwise CSV.</summary>
    /// <exception cref="DataInputException">The file is missing, unreadable, not CSV/xlsx, or has no header row.</exception>
    public static RawTable Read(string path) => Guard(path, () => IsExcel(path) ? ReadSheet(path, null, null) : ReadCsv(path, null));

    /// <summary>Reads a CSV file; errors in it will be named <paramref name="name"/>.</summary>
    /// <exception cref="DataInputException">The file cannot be read or has no header row.</exception>
    public static RawTable ReadCsvFile(string path, string? name) => Guard(path, () => ReadCsv(path, name));

    /// <summary>Reads one sheet (null: the first) of a workbook; errors in it will be named <paramref name="name"/>.</summary>
    /// <exception cref="DataInputException">The workbook cannot be read or the sheet has no header row.</exception>
    public static RawTable ReadSheetOf(string path, string? sheet, string? name) => Guard(path, () => ReadSheet(path, sheet, name));

    /// <summary>The sheet names of a workbook, in workbook order.</summary>
    /// <exception cref="DataInputException">The workbook cannot be read.</exception>
    public static IReadOnlyList<string> SheetNames(string path) => Guard(path, () => (IReadOnlyList<string>)MiniExcel.GetSheetNames(path));

    public static bool IsExcel(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static T Guard<T>(string path, Func<T> read)
    {
        if (!File.Exists(path))
        {
            throw new DataInputException($"{path}: file not found");
        }
        try
        {
            return read();
        }
        catch (DataInputException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException or InvalidDataException
            or InvalidOperationException or FormatException or System.Xml.XmlException or ArgumentException or KeyNotFoundException)
        {
            throw new DataInputException($"{path}: cannot be read: {OneLine(e.Message)}");
        }
    }

    private static RawTable ReadCsv(string path, string? name)
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
            var cells = new string[count];
            for (var i = 0; i < count; i++)
            {
                cells[i] = csv.GetString(i);
            }
            rows.Add(cells);
            lines.Add(line);
        }
        return new RawTable(path, name, header, rows, lines);
    }

    private static RawTable ReadSheet(string path, string? sheet, string? name)
    {
        string[]? header = null;
        var rows = new List<string[]>();
        var lines = new List<int>();
        var line = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet))
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
            if (cells.Length < header.Length)
            {
                var padded = new string[header.Length];
                Array.Fill(padded, "");
                cells.CopyTo(padded, 0);
                cells = padded;
            }
            rows.Add(cells);
            lines.Add(line);
        }
        if (header is null || header.Length == 0)
        {
            throw new DataInputException($"{path}: {(sheet is null ? "empty spreadsheet" : $"sheet '{sheet}' is empty")}; a header row is required");
        }
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = header[i].Trim();
        }
        return new RawTable(path, name, header, rows, lines);
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

    /// <summary>Spreadsheet values in the registry's text forms: numbers round-trip, dates ISO.</summary>
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
