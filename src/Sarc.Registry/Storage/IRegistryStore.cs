using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Import;
using Sarc.Registry.Template;

namespace Sarc.Registry.Storage;

/// <summary>
/// The registry's storage: the same schema, migrations and behaviour on SQLite and PostgreSQL (see
/// <see cref="RegistryStore.Open"/>). Every change writes its audit records in the same transaction. Failures of the
/// database itself (locked, unreachable, not a database) are <see cref="Sarc.Data.DataInputException"/>s with one line.
/// </summary>
public interface IRegistryStore : IDisposable
{
    /// <summary>Where the data is, for messages: the SQLite path or PostgreSQL host:port/database.</summary>
    string Description { get; }

    /// <summary>The schema version after the migrations applied at open.</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Imports a validated batch in one transaction, all or nothing. A patient already in the registry is an error
    /// (<see cref="ImportErrorKind.AlreadyInRegistry"/>, naming the row) unless <paramref name="update"/>: then a
    /// long-format patient replaces the stored one, a flat-template row replaces what the template shows, and added
    /// entries join the stored ones — each changed value, added and removed entry audited; a patient that comes out
    /// the same counts as unchanged and writes nothing. The result lists every problem (nothing changed) or the counts.
    /// </summary>
    ImportResult Import(ImportBatch batch, bool update, AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress = null);

    /// <summary>Imports flat-template rows (or long-format patients): <see cref="Import(ImportBatch, bool, AuditContext, ImportSource?, IProgress{ImportProgress}?)"/> without additions.</summary>
    ImportResult Import(IReadOnlyList<ImportRow> rows, bool update, AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress = null) =>
        Import(ImportBatch.Of(rows), update, audit, source, progress);

    /// <summary>Every patient, ordered by <see cref="PatientRecord.Id"/> (ordinal).</summary>
    IReadOnlyList<PatientRecord> LoadPatients();

    /// <summary>Number of patients.</summary>
    int CountPatients();

    /// <summary>The patient <paramref name="patientId"/>, or null when there is none (index lookups, not a load of every patient).</summary>
    PatientRecord? LoadPatient(string patientId);

    /// <summary>
    /// Up to <paramref name="limit"/> patients that <paramref name="filter"/> selects, ordered by id, after
    /// <paramref name="afterId"/> (null: from the first): a large set is read in such slices, one after another.
    /// </summary>
    IReadOnlyList<PatientRecord> LoadPatients(PatientFilter filter, string? afterId, int limit);

    /// <summary>
    /// The <paramref name="limit"/> patients after the first <paramref name="offset"/> that <paramref name="filter"/>
    /// selects, ordered by id, as summaries; and how many it selects in all. Filtered, counted and paged by the database.
    /// </summary>
    PatientSummaryPage FindPatients(PatientFilter filter, int offset, int limit);

    /// <summary>Every patient <paramref name="filter"/> selects, as summaries ordered by id (one narrow query).</summary>
    IReadOnlyList<PatientSummary> Summaries(PatientFilter filter);

    /// <summary>The centers that have patients, ordinal order.</summary>
    IReadOnlyList<string> Centers();

    /// <summary>The center of patient <paramref name="patientId"/>, or null when there is no such patient.</summary>
    string? CenterOf(string patientId);

    /// <summary>
    /// The data version: a number that every committed change of patient data raises, in commit order, on SQLite and
    /// PostgreSQL alike. Whatever was read after seeing version v includes every change up to v, so derived data read
    /// at v stays valid while the version is v (the web app's worklist cache).
    /// </summary>
    long DataVersion();

    /// <summary>Deletes a patient and all their data, audited; false when there is no such patient.</summary>
    bool DeletePatient(string patientId, AuditContext audit);

    /// <summary>Audit records in the order written, all or those of one patient.</summary>
    IReadOnlyList<AuditEntry> ReadAudit(string? patientId = null);

    /// <summary>The newest audit record's id and SHA-256, the head of the audit hash chain; null when there is none.</summary>
    AuditHead? AuditHead();

    /// <summary>
    /// Walks the whole audit hash chain (<see cref="AuditChain.Verify"/>): intact, or the first record that was changed,
    /// follows a deleted one or is out of order; with <paramref name="recorded"/>, also whether that earlier head is
    /// still in the chain (records removed from its end are found only so).
    /// </summary>
    AuditVerification VerifyAudit(AuditHead? recorded = null);

    /// <summary>
    /// The id of the newest audit record (0 when there is none): the audit position a report cites. Not a cache key:
    /// PostgreSQL numbers audit records when they are written, not when they commit, so a lower id can appear after a
    /// higher one; <see cref="DataVersion"/> follows commit order.
    /// </summary>
    long LastAuditId();
}
