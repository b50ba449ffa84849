namespace Sarc.Studies.Definitions;

/// <summary>The outcome of reading a definition: the study when there is no error, and every error found (not just the first).</summary>
public sealed record StudyParseResult(StudyDefinition? Study, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>True when the definition has no error and <see cref="Study"/> is set.</summary>
    public bool Success => Errors.Count == 0 && Study is not null;
}
