namespace Sarc.Registry.Audit;

/// <summary>
/// One audit record. <paramref name="Entity"/> is the table changed (<c>patient</c>, <c>tumor</c>, ...);
/// <paramref name="Field"/> is the template column for an update and null for a whole-record insert or delete, whose
/// <paramref name="NewValue"/> or <paramref name="OldValue"/> is then the record as a JSON object of its template
/// cells. <paramref name="At"/> is UTC.
/// </summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Who,
    AuditAction Action,
    string PatientId,
    string Entity,
    string? Field,
    string? OldValue,
    string? NewValue,
    string? SourceFile,
    string? SourceSha256);
