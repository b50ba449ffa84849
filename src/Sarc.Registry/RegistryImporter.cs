using Sarc.Data;
using Sarc.Registry.Audit;
using Sarc.Registry.Import;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Registry;

/// <summary>
/// <c>sarc import</c>: validate an import completely, then import it in one transaction, all or nothing, with the
/// file's name and SHA-256 in every audit record. The path is the long format — a folder of CSV files, or an
/// <c>.xlsx</c> workbook with a sheet named like one of its files — or else the flat template (CSV, or a workbook's
/// first sheet). See docs/formats.md.
/// </summary>
public static class RegistryImporter
{
    /// <summary>
    /// Reads and validates <paramref name="path"/> without touching any registry: every problem that the files alone
    /// show (format, values, the rules spanning a patient's rows). Dates after <paramref name="asOf"/> are refused.
    /// </summary>
    /// <exception cref="DataInputException">The path cannot be read at all (missing, not CSV/xlsx, empty, unknown long-format files).</exception>
    public static ImportParseResult Parse(string path, DateOnly asOf)
    {
        if (Directory.Exists(path) || (TemplateFileReader.IsExcel(path) && File.Exists(path) && LongFormatReader.IsLongWorkbook(path)))
        {
            return LongFormatParser.Parse(path, LongFormatReader.Read(path), asOf);
        }
        var flat = TemplateParser.Parse(TemplateFileReader.Read(path), asOf);
        return new ImportParseResult(path, ImportBatch.Of(flat.Rows), [.. flat.Errors.OrderBy(e => e.Line)]);
    }

    /// <summary>
    /// Validates rows that another format (a REDCap project, a FHIR bundle) was mapped onto, with every rule and message
    /// of a long-format file. <paramref name="rows"/> holds, per file, each row's cells in that file's column order
    /// (<see cref="LongFile.Columns"/>, <c>patient_id</c> first); the row at index <c>i</c> is reported as line
    /// <c>i + 2</c> of a file named like the <see cref="LongFile"/> (so the caller can name its own record again).
    /// </summary>
    /// <exception cref="ArgumentException">A row whose cell count is not its file's column count.</exception>
    public static ImportParseResult ParseRows(string source, IReadOnlyDictionary<LongFile, IReadOnlyList<string[]>> rows, DateOnly asOf)
    {
        var tables = new Dictionary<LongFile, RawTable>();
        foreach (var (file, cells) in rows)
        {
            if (cells.Any(c => c.Length != file.Columns.Count))
            {
                throw new ArgumentException($"every {file.Name} row needs {file.Columns.Count} cells", nameof(rows));
            }
            tables[file] = new RawTable(source, file.Name, [.. file.Columns], [.. cells], [.. Enumerable.Range(2, cells.Count)]);
        }
        return LongFormatParser.Parse(source, tables, asOf);
    }

    /// <summary>
    /// Imports <paramref name="path"/> into <paramref name="store"/>. When anything is invalid, or a patient already in
    /// the registry would change without <paramref name="update"/>, nothing changes and the result lists every problem.
    /// </summary>
    /// <exception cref="DataInputException">The path cannot be read at all, or the database fails.</exception>
    public static ImportResult ImportFile(IRegistryStore store, string path, bool update, AuditContext audit, DateOnly? asOf = null) =>
        ImportFile(() => store, path, update, audit, dispose: false, asOf, progress: null);

    /// <summary>
    /// As <see cref="ImportFile(IRegistryStore, string, bool, AuditContext, DateOnly?)"/>, opening the database named
    /// by <paramref name="db"/> only once the files are valid, so that a rejected import does not even create a
    /// database. <paramref name="progress"/>, when given, is told when validation starts and, while writing, how many
    /// patients are written. "Today" for the future-date check is <paramref name="asOf"/>, else the audit clock's date.
    /// </summary>
    public static ImportResult ImportFile(string db, string path, bool update, AuditContext audit, IProgress<ImportProgress>? progress = null, DateOnly? asOf = null) =>
        ImportFile(() => RegistryStore.Open(db), path, update, audit, dispose: true, asOf, progress);

    private static ImportResult ImportFile(Func<IRegistryStore> open, string path, bool update, AuditContext audit, bool dispose, DateOnly? asOf, IProgress<ImportProgress>? progress)
    {
        progress?.Report(new ImportProgress("checking", 0, 0));
        var parsed = Parse(path, asOf ?? DateOnly.FromDateTime(audit.Clock.GetLocalNow().DateTime));
        Sarc.Statistics.Stages.Mark("import: read, validate the files");
        if (!parsed.IsValid)
        {
            return ImportResult.Failed(parsed.Errors);
        }
        var source = Directory.Exists(path) ? ImportSource.OfFolder(path) : ImportSource.OfFile(path);
        FaultPoints.Reach(FaultPoints.Parsed);
        var store = open();
        Sarc.Statistics.Stages.Mark("import: SHA-256 of the files, open");
        try
        {
            return store.Import(parsed.Batch, update, audit, source, progress);
        }
        finally
        {
            if (dispose)
            {
                store.Dispose();
            }
        }
    }
}
