namespace Sarc.Interop;

/// <summary>
/// What an import from another format (REDCap records, a FHIR bundle) did: patients inserted, updated and unchanged out
/// of <see cref="Records"/> records (patients in the source); or, when
/// <see cref="Problems"/> is not empty, nothing changed and every problem is listed.
/// </summary>
public sealed record MappedImportResult(int Records, int Inserted, int Updated, int Unchanged, IReadOnlyList<MappedProblem> Problems)
{
    /// <summary>True when there are no problems and the counts say what changed.</summary>
    public bool Succeeded => Problems.Count == 0;
}
