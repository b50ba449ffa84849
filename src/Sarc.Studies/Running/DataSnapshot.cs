namespace Sarc.Studies.Running;

/// <summary>
/// The data a report was computed from: where it came from, the SHA-256 of its canonical long-format export
/// (<see cref="StudyData.CanonicalSha256"/>), the registry's audit position (the id of its last audit entry; null for
/// files read without a registry) and the number of patients.
/// </summary>
public sealed record DataSnapshot(string Source, string Sha256, long? AuditPosition, int Patients);
