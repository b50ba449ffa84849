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
    public static ImportResult ImportFile(IRegistryStore store, string path, bool update, AuditContext audit)
    {
        var parsed = TemplateParser.ParseFile(path);
        if (!parsed.IsValid)
        {
            return ImportResult.Failed(Sorted(parsed.Errors));
        }
        return store.Import(parsed.Rows, update, audit, ImportSource.OfFile(path));
    }

    private static List<ImportError> Sorted(IReadOnlyList<ImportError> errors)
    {
        var list = errors.ToList();
        // Stable: within a line the problems stay in column-check order.
        return [.. list.OrderBy(e => e.Line)];
    }
}
