using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
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
    /// Imports validated rows in one transaction, all or nothing. A patient already in the registry is an error
    /// (naming the row's line) unless <paramref name="update"/>, in which case each changed template field is updated
    /// and audited; identical rows count as unchanged and write nothing.
    /// </summary>
    ImportResult Import(IReadOnlyList<ImportRow> rows, bool update, AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress = null);

    /// <summary>Every patient, ordered by <see cref="PatientRecord.Id"/> (ordinal).</summary>
    IReadOnlyList<PatientRecord> LoadPatients();

    /// <summary>Number of patients.</summary>
    int CountPatients();

    /// <summary>Deletes a patient and all their data, audited; false when there is no such patient.</summary>
    bool DeletePatient(string patientId, AuditContext audit);

    /// <summary>Audit records in the order written, all or those of one patient.</summary>
    IReadOnlyList<AuditEntry> ReadAudit(string? patientId = null);

    /// <summary>
    /// The id of the newest audit record (0 when there is none). Every change writes audit records in its own
    /// transaction, so an unchanged value means unchanged patient data: a cheap check for caches of loaded patients.
    /// </summary>
    long LastAuditId();
}
