using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Sarc.Registry.Domain;

namespace Sarc.Registry.Template;

/// <summary>
/// Writes patient records in the flat template: header, then one row per record in the order given, every
/// <see cref="TemplateColumns"/> column in template order; numbers in shortest round-trip form, dates ISO. CSV is
/// UTF-8 without BOM, <c>\n</c> line ends, RFC 4180 quoting only where a cell needs it; <c>.xlsx</c> holds every cell as
/// text so that no spreadsheet reformats a code or a number.
/// </summary>
public static class TemplateWriter
{
    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/>, as <c>.xlsx</c> when the name ends so, else CSV.</summary>
    public static void WriteFile(IEnumerable<PatientRecord> records, string path)
    {
        if (TemplateFileReader.IsExcel(path))
        {
            WriteExcel(records, path);
            return;
        }
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
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

    internal static void WriteCsvLine(TextWriter writer, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }
            WriteCsvCell(writer, cells[i]);
        }
        writer.Write('\n');
    }

    internal static void WriteCsvCell(TextWriter writer, string cell)
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

    private static void WriteExcel(IEnumerable<PatientRecord> records, string path)
    {
        var names = TemplateColumns.Names;
        IEnumerable<IDictionary<string, object?>> Rows()
        {
            foreach (var record in records)
            {
                var cells = TemplateCells.Of(record);
                var row = new Dictionary<string, object?>(names.Count, StringComparer.Ordinal);
                for (var i = 0; i < names.Count; i++)
                {
                    row[names[i]] = cells[i].Length == 0 ? null : cells[i];
                }
                yield return row;
            }
        }
        var rows = Rows().ToList();
        if (rows.Count == 0)
        {
            // With no rows MiniExcel cannot know the columns; a header-only sheet still says what the template is.
            var header = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count; i++)
            {
                header["c" + i] = names[i];
            }
            MiniExcel.SaveAs(path, new[] { header }, printHeader: false, overwriteFile: true);
            return;
        }
        MiniExcel.SaveAs(path, rows, printHeader: true, overwriteFile: true);
    }
}
