using Sarc.Registry.Template;

namespace Sarc.Registry.Storage;

/// <summary>
/// What an import did. When <see cref="Errors"/> is not empty nothing was changed (the transaction was rolled back)
/// and the counts are zero.
/// </summary>
public sealed record ImportResult(int Inserted, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);
}
