using Sarc.Registry.Template;

namespace Sarc.Registry.Storage;

/// <summary>
/// What an import did. When <see cref="Errors"/> is not empty nothing was changed (the transaction was rolled back)
/// and the counts are zero.
/// </summary>
public sealed record ImportResult(int Inserted, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when there are no errors and the counts say what changed.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>A failed import: every error, and nothing changed.</summary>
    public static ImportResult Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);
}
