namespace Sarc.Registry.Audit;

/// <summary>
/// One audit record. <paramref name="Entity"/> is what changed: <c>patient</c>, <c>tumor</c>, <c>comorbidity</c> (the
/// patient's own values), <c>surgery</c>, <c>radiotherapy</c>, <c>systemic</c>, <c>event</c>, <c>followup</c> (list
/// entries), or <c>schema</c> for a migration; records written before schema version 3 name the old tables
/// (<c>pathology</c>, <c>outcome_event</c>) and flat-template columns. <paramref name="Field"/> is the column for an
/// update and null for a whole-record or whole-entry insert or delete, whose <paramref name="NewValue"/> or
/// <paramref name="OldValue"/> is then the record or entry as a JSON object of its non-empty cells.
/// <paramref name="Item"/> names the list entry changed (its date and kind, e.g. <c>2016-05-02 metastasectomy</c>),
/// null for the patient's own values. <paramref name="At"/> is UTC. <paramref name="Reason"/> is why the change was
/// made (required by the web forms, optional for imports; null when none was given, and for records written before
/// schema version 2). <paramref name="PreviousSha256"/> and <paramref name="Sha256"/> link the entry into the audit
/// hash chain (<see cref="AuditChain"/>); null only for an entry written outside sarc.
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
    string? Reason,
    string? Item = null,
    string? PreviousSha256 = null,
    string? Sha256 = null);
