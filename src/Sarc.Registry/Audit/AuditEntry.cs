namespace Sarc.Registry.Audit;

/// <summary>
/// One audit record. <paramref name="Entity"/> is the table changed (<c>patient</c>, <c>tumor</c>, ...);
/// <paramref name="Field"/> is the template column for an update and null for a whole-record insert or delete, whose
/// <paramref name="NewValue"/> or <paramref name="OldValue"/> is then the record as a JSON object of its template
/// cells. <paramref name="At"/> is UTC. <paramref name="Reason"/> is why the change was made (required by the web forms,
/// optional for imports; null when none was given, and for records written before schema version 2).
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
    string? SourceSha256,
    string? Reason);
