using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Registry;

/// <summary>
/// <c>sarc import</c>: validate a template file completely, then import it in one transaction, all or nothing, with
/// the file's name and SHA-256 in every audit record.
/// </summary>
public static class RegistryImporter
{
    /// <summary>
    /// Imports <paramref name="path"/> (CSV or <c>.xlsx</c>). When the file has any invalid row, or a patient already in
    /// the registry without <paramref name="update"/>, nothing changes and the result lists every problem in line order.
    /// </summary>
    /// <exception cref="Sarc.Data.DataInputException">The file cannot be read at all, or the database fails.</exception>
    public static ImportResult ImportFile(IRegistryStore store, string path, bool update, AuditContext audit) =>
        ImportFile(() => store, path, update, audit, dispose: false, progress: null);

    /// <summary>
    /// As <see cref="ImportFile(IRegistryStore, string, bool, AuditContext)"/>, opening the database named by
    /// <paramref name="db"/> only once the file is valid, so that a rejected file does not even create a database.
    /// <paramref name="progress"/>, when given, is told when validation starts and, while writing, how many patients
    /// are written.
    /// </summary>
    public static ImportResult ImportFile(string db, string path, bool update, AuditContext audit, IProgress<ImportProgress>? progress = null) =>
        ImportFile(() => RegistryStore.Open(db), path, update, audit, dispose: true, progress);

    private static ImportResult ImportFile(Func<IRegistryStore> open, string path, bool update, AuditContext audit, bool dispose, IProgress<ImportProgress>? progress)
    {
        progress?.Report(new ImportProgress("checking", 0, 0));
        var parsed = TemplateParser.ParseFile(path);
        if (!parsed.IsValid)
        {
            return ImportResult.Failed(Sorted(parsed.Errors));
        }
        var source = ImportSource.OfFile(path);
        var store = open();
        try
        {
            return store.Import(parsed.Rows, update, audit, source, progress);
        }
        finally
        {
            if (dispose)
            {
                store.Dispose();
            }
        }
    }

    private static List<ImportError> Sorted(IReadOnlyList<ImportError> errors)
    {
        var list = errors.ToList();
        // Stable: within a line the problems stay in column-check order.
        return [.. list.OrderBy(e => e.Line)];
    }
}
