using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Interop;

/// <summary>
/// The one way another format's records enter the registry once mapped onto long-format rows: every rule of a
/// long-format import (<see cref="RegistryImporter.ParseRows"/>), then the store's one import transaction, all or
/// nothing, audited with the source's name and hash. The registry is opened only when every row is valid; each problem
/// is named after the source's own record.
/// </summary>
internal static class MappedImport
{
    /// <summary>
    /// Validates and imports <c>rows</c> (per file, cells in the file's column order; <c>records</c> is the number of the
    /// source's records, for the summary). <c>name</c> gives the problem text of a registry error in row <c>index</c> of a
    /// file (its line − 2), or null to keep the error's own text.
    /// </summary>
    public static MappedImportResult Run(Func<IRegistryStore> open, int records, IReadOnlyDictionary<LongFile, IReadOnlyList<string[]>> rows,
        Func<LongFile, int, ImportError, string?> name, ImportSource source, bool update, AuditContext audit, DateOnly asOf, IProgress<ImportProgress>? progress)
    {
        var parsed = RegistryImporter.ParseRows(source.FileName, rows, asOf);
        if (!parsed.IsValid)
        {
            return Failed(records, [.. parsed.Errors.Select(e => Name(e, rows, name))]);
        }
        using var store = open();
        var result = store.Import(parsed.Batch, update, audit, source, progress);
        return result.Succeeded
            ? new MappedImportResult(records, result.Inserted, result.Updated, result.Unchanged, [])
            : Failed(records, [.. result.Errors.Select(e => Name(e, rows, name))]);
    }

    public static MappedImportResult Failed(int records, IReadOnlyList<MappedProblem> problems) => new(records, 0, 0, 0, problems);

    private static MappedProblem Name(ImportError error, IReadOnlyDictionary<LongFile, IReadOnlyList<string[]>> rows, Func<LongFile, int, ImportError, string?> name)
    {
        var file = error.File is null ? null : LongFiles.Named(error.File);
        var index = error.Line - 2;
        var text = file is not null && index >= 0 && rows.TryGetValue(file, out var list) && index < list.Count ? name(file, index, error) : null;
        return new MappedProblem(text ?? error.ToString(), error.Kind);
    }
}
