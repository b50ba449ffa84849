using Sarc.Data;
using Sarc.Data.Csv;
using Sarc.Data.Tables;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Studies.Data;

namespace Sarc.Studies.Running;

/// <summary>
/// Loads the analysis dataset of the studies: from a registry (SQLite path or PostgreSQL URL), exported through the
/// registry's own flat template writer, or from a template CSV; plus an optional supplement CSV joined on patient_id.
/// </summary>
public static class StudyData
{
    /// <summary>Reads <paramref name="templatePath"/> (and <paramref name="supplementPath"/>) and builds the per-patient dataset.</summary>
    /// <exception cref="DataInputException">A file cannot be read, a column is missing or a value is malformed (naming file and line).</exception>
    public static DataFrame Load(string templatePath, string? supplementPath) =>
        StudyDataset.Build(CsvTableReader.Read(templatePath), supplementPath is null ? null : CsvTableReader.Read(supplementPath));

    /// <summary>
    /// Exports every patient of <paramref name="store"/> to <paramref name="exportPath"/> in the template format (the
    /// same file <c>sarc export</c> writes) and builds the dataset from it.
    /// </summary>
    public static DataFrame FromRegistry(IRegistryStore store, string exportPath, string? supplementPath)
    {
        TemplateWriter.WriteFile(store.LoadPatients(), exportPath);
        return Load(exportPath, supplementPath);
    }

    /// <summary>
    /// Imports a template CSV into a new SQLite registry at <paramref name="databasePath"/> through the normal import
    /// path (validation, one transaction, audit), replacing any file already there.
    /// </summary>
    /// <exception cref="DataInputException">The file has invalid rows (the first problems are named).</exception>
    public static IRegistryStore ImportNew(string templatePath, string databasePath, AuditContext audit)
    {
        File.Delete(databasePath);
        var store = RegistryStore.Open(databasePath);
        var result = RegistryImporter.ImportFile(store, templatePath, update: false, audit);
        if (!result.Succeeded)
        {
            store.Dispose();
            throw new DataInputException($"{templatePath}: the registry import failed: {string.Join("; ", result.Errors.Take(3))}");
        }
        return store;
    }
}
