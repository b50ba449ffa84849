using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Sarc.Registry.Codes;
using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>
/// Writes patient records in the flat template: header, then one row per record in the order given, every
/// <see cref="TemplateColumns"/> column in template order; numbers in shortest round-trip form, dates ISO. CSV is
/// UTF-8 without BOM, <c>\n</c> line ends, RFC 4180 quoting only where a cell needs it; <c>.xlsx</c> holds every cell as
/// text so that no spreadsheet reformats a code or a number. Cells a spreadsheet would run as a formula are
/// neutralised (<see cref="SpreadsheetSafety"/>), and the import reads them back unchanged.
/// </summary>
public static class TemplateWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/>, as <c>.xlsx</c> when the name ends so, else CSV.</summary>
    public static void WriteFile(IEnumerable<PatientRecord> records, string path)
    {
        if (TemplateFileReader.IsExcel(path))
        {
            WriteWorkbook(path, [("Sheet1", TemplateColumns.Names, records.Select(TemplateCells.Of))]);
            return;
        }
        using var writer = CreateText(path);
        WriteCsv(records, writer);
    }

    /// <summary>Writes CSV to <paramref name="writer"/>.</summary>
    public static void WriteCsv(IEnumerable<PatientRecord> records, TextWriter writer)
    {
        WriteCsvLine(writer, TemplateColumns.Names);
        foreach (var record in records)
        {
            WriteCsvLine(writer, TemplateCells.Of(record));
        }
    }

    /// <summary>A new UTF-8 (no BOM) text file, replacing any file there.</summary>
    internal static StreamWriter CreateText(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
    }

    internal static void WriteCsvLine(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            WriteCsvCell(writer, SpreadsheetSafety.Escape(cells[i]));
        }
        writer.Write('\n');
    }

    private static void WriteCsvCell(TextWriter writer, string cell)
    {
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0 && (cell.Length == 0 || (cell[0] != ' ' && cell[^1] != ' ')))
        {
            writer.Write(cell);
            return;
        }
        writer.Write('"');
        writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>
    /// Writes sheets of text cells (header row first, every cell a string, empty cells blank) to a new workbook,
    /// in the order given.
    /// </summary>
    internal static void WriteWorkbook(string path, IReadOnlyList<(string Name, IReadOnlyList<string> Header, IEnumerable<string[]> Rows)> sheets)
    {
        var book = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, header, rows) in sheets)
        {
            book[name] = SheetRows(header, rows).ToList();
        }
        MiniExcel.SaveAs(path, book, printHeader: false, overwriteFile: true);
    }

    // Keys c0, c1 ... and the header as the first row: MiniExcel then writes every cell as text, and an empty sheet
    // still has its header (with no rows it could not know the columns).
    private static IEnumerable<IDictionary<string, object?>> SheetRows(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var keys = Enumerable.Range(0, header.Count).Select(i => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        IDictionary<string, object?> Row(IReadOnlyList<string> cells)
        {
            var row = new Dictionary<string, object?>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                row[keys[i]] = cells[i].Length == 0 ? null : SpreadsheetSafety.Escape(cells[i]);
            }
            return row;
        }
        yield return Row(header);
        foreach (var cells in rows)
        {
            yield return Row(cells);
        }
    }
}
