using Sarc.Registry.Audit;

namespace Sarc.Studies.Running;

/// <summary>
/// The data a report was computed from: where it came from, the SHA-256 of its canonical long-format export
/// (<see cref="StudyData.CanonicalSha256"/>), the head of the registry's audit chain (its last entry's id and SHA-256;
/// null for files read without a registry, or a registry with no audit entry yet) and the number of patients. The head
/// is what <c>sarc audit verify --head ID:SHA256</c> checks later: no entry up to it was changed, removed or reordered.
/// </summary>
public sealed record DataSnapshot(string Source, string Sha256, AuditHead? AuditHead, int Patients)
{
    /// <summary>The id of the audit chain's head, the registry's audit position (null without one).</summary>
    public long? AuditPosition => AuditHead?.Id;
}
