using Sarc.Registry.Template;

namespace Sarc.Registry.Import;

/// <summary>
/// An import file (flat template, or long-format folder or workbook) after validation: <see cref="Batch"/> when
/// <see cref="Errors"/> is empty; otherwise every problem, in file then line order, and nothing is imported.
/// </summary>
public sealed record ImportParseResult(string Source, ImportBatch Batch, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when there are no errors and <see cref="Batch"/> can be imported.</summary>
    public bool IsValid => Errors.Count == 0;
}
