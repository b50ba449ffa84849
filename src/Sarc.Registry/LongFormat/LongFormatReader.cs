using Sarc.Data;
using Sarc.Registry.Template;

namespace Sarc.Registry.LongFormat;

/// <summary>
/// Reads the files of a long-format import: a folder of <c>NAME.csv</c> files or an <c>.xlsx</c> workbook with sheets
/// <c>NAME</c> (<see cref="LongFiles"/>). A file may be left out (no rows of that kind); a CSV file or a sheet with any
/// other name is refused, so that a misspelt file is not silently skipped. Errors name the CSV file, or the sheet.
/// </summary>
internal static class LongFormatReader
{
    /// <summary>Whether a workbook holds the long format (a sheet named like one of its files) rather than the flat template.</summary>
    /// <exception cref="DataInputException">The workbook cannot be read.</exception>
    public static bool IsLongWorkbook(string path) => TemplateFileReader.SheetNames(path).Any(s => LongFiles.Named(s) is not null);

    /// <exception cref="DataInputException">Nothing to read, an unknown file or sheet, or a file that cannot be read.</exception>
    public static Dictionary<LongFile, RawTable> Read(string path)
    {
        var tables = new Dictionary<LongFile, RawTable>();
        var unknown = new List<string>();
        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (LongFiles.Named(name[..^4]) is { } kind && name.EndsWith(".csv", StringComparison.Ordinal))
                {
                    tables[kind] = TemplateFileReader.ReadCsvFile(file, name);
                }
                else
                {
                    unknown.Add(name);
                }
            }
        }
        else
        {
            foreach (var sheet in TemplateFileReader.SheetNames(path))
            {
                if (LongFiles.Named(sheet) is { } kind)
                {
                    tables[kind] = TemplateFileReader.ReadSheetOf(path, sheet, sheet);
                }
                else
                {
                    unknown.Add(sheet);
                }
            }
        }
        var expected = string.Join(", ", LongFiles.All.Select(f => f.Name));
        if (unknown.Count > 0)
        {
            throw new DataInputException($"{path}: {string.Join(", ", unknown.Select(u => $"'{u}'"))} {(unknown.Count == 1 ? "is" : "are")} not {(Directory.Exists(path) ? "a long-format file" : "a long-format sheet")} (expected {expected})");
        }
        if (tables.Count == 0)
        {
            throw new DataInputException($"{path}: no long-format {(Directory.Exists(path) ? "files (NAME.csv" : "sheets (")}: {expected})");
        }
        return tables;
    }
}
