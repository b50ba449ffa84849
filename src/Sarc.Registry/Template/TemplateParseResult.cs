namespace Sarc.Registry.Template;

/// <summary>
/// The outcome of validating a flat-template file: the rows that passed and every problem found. A file is importable
/// only when <see cref="Errors"/> is empty (all or nothing).
/// </summary>
public sealed record TemplateParseResult(string Source, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors)
{
    /// <summary>True when there are no errors and the rows can be imported.</summary>
    public bool IsValid => Errors.Count == 0;
}
