namespace Sarc.Interop.Redcap;

/// <summary>
/// What a REDCap import did: patients inserted, updated and unchanged out of <see cref="Records"/> records; or, when
/// <see cref="Problems"/> is not empty, nothing changed and every problem is listed.
/// </summary>
public sealed record RedcapImportResult(int Records, int Inserted, int Updated, int Unchanged, IReadOnlyList<RedcapProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
