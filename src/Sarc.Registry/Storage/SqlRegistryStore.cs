using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.Import;

namespace Sarc.Registry.Storage;

/// <summary>
/// The registry store on SQLite or PostgreSQL: a thin front over its parts — the connection and migrations
/// (<see cref="RegistryDatabase"/>, <see cref="SchemaMigrator"/>), imports (<see cref="ImportTransaction"/>), reading
/// (<see cref="PatientReader"/>), writing rows (<see cref="PatientRowWriter"/>) and the audit trail
/// (<see cref="AuditTrail"/>); the account tables share its connection (<see cref="OnConnection"/>). Every call that
/// touches the database turns the provider's failures into one-line
/// <see cref="Sarc.Data.DataInputException"/>s.
/// </summary>
internal sealed class SqlRegistryStore : IRegistryStore
{
    private readonly RegistryDatabase db;
    private readonly PatientReader reader;
    private readonly AuditTrail trail;
    private readonly PatientQueries queries;

    public SqlRegistryStore(RegistryDatabase db)
    {
        this.db = db;
        reader = new PatientReader(db);
        trail = new AuditTrail(db);
        queries = new PatientQueries(db);
    }

    public string Description => db.Description;

    public int SchemaVersion => db.SchemaVersion;

    /// <summary>The pool this store goes back to when disposed (<see cref="RegistryPool"/>), or null: disposing closes it.</summary>
    internal RegistryPool? ReturnTo { get; set; }

    // 1 while a caller of the pool holds this store: a second Dispose must not return it twice (two callers on one connection).
    private int rented;

    /// <summary>Whether the connection can still be used (a broken PostgreSQL connection is not given out again).</summary>
    internal bool IsOpen => db.Connection.State == System.Data.ConnectionState.Open;

    /// <summary>Marks the store as handed out by its pool.</summary>
    internal void Rented() => rented = 1;

    /// <summary>Closes the connection, whether or not the store came from a pool.</summary>
    internal void Close() => db.Dispose();

    public void Dispose()
    {
        if (ReturnTo is null)
        {
            db.Dispose();
        }
        else if (Interlocked.Exchange(ref rented, 0) == 1)
        {
            ReturnTo.Return(this);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> on this store's open connection, with the store's translation of database failures:
    /// for what shares the registry's database and migrations (the account tables, <see cref="Accounts.UserStore"/>).
    /// </summary>
    internal T OnConnection<T>(Func<System.Data.Common.DbConnection, T> action) => db.Guard(() => action(db.Connection));

    /// <summary>
    /// Runs <paramref name="action"/> in a transaction holding the registry's write lock
    /// (<see cref="RegistryDatabase.BeginWrite"/>); the action commits it (else it rolls back). For changes outside the
    /// patient tables that are audited (<see cref="Models.ModelStore"/>): their audit records go through
    /// <see cref="WriteAudit"/>, so they join the hash chain at its head.
    /// </summary>
    internal T OnWrite<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, T> action) => db.Guard(() =>
    {
        using var tx = db.BeginWrite();
        return action(db.Connection, tx);
    });

    /// <summary>Appends one audit record, chained, inside <paramref name="tx"/> (a transaction of <see cref="OnWrite"/>).</summary>
    internal void WriteAudit(System.Data.Common.DbTransaction tx, AuditContext audit, AuditAction action, string entity, string? oldValue, string? newValue)
    {
        using (var writer = trail.Begin(tx, audit, null))
        {
            writer.Write(action, "", entity, null, null, oldValue, newValue);
        }
        db.FlushRows(tx);
    }

    public ImportResult Import(ImportBatch batch, bool update, AuditContext audit, ImportSource? source, IProgress<ImportProgress>? progress = null) =>
        db.Guard(() => new ImportTransaction(db, reader, trail).Run(batch, update, audit, source, progress));

    public IReadOnlyList<PatientRecord> LoadPatients() => db.Guard(() =>
    {
        var records = reader.Load(null, null).Values.ToList();
        records.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return (IReadOnlyList<PatientRecord>)records;
    });

    public int CountPatients() => db.Guard(() => (int)db.Scalar(null, "SELECT COUNT(*) FROM patient"));

    public PatientRecord? LoadPatient(string patientId) => db.Guard(() => reader.LoadOne(null, patientId));

    public IReadOnlyList<PatientRecord> LoadPatients(PatientFilter filter, string? afterId, int limit) => db.Guard(() =>
    {
        var ids = queries.Ids(filter, afterId, limit);
        var loaded = ids.Count == 0 ? [] : reader.LoadIds(null, ids);
        var records = new List<PatientRecord>(ids.Count);
        foreach (var id in ids)
        {
            // A patient deleted between the two reads is left out.
            if (loaded.TryGetValue(id, out var record))
            {
                records.Add(record);
            }
        }
        return (IReadOnlyList<PatientRecord>)records;
    });

    public PatientSummaryPage FindPatients(PatientFilter filter, int offset, int limit) => db.Guard(() => queries.Find(filter, offset, limit));

    public IReadOnlyList<PatientSummary> Summaries(PatientFilter filter) => db.Guard(() => queries.Summaries(filter));

    public IReadOnlyList<string> Centers() => db.Guard(queries.Centers);

    public string? CenterOf(string patientId) => db.Guard(() => queries.CenterOf(patientId));

    public long DataVersion() => db.Guard(() => RegistryVersion.Read(db));

    public bool DeletePatient(string patientId, AuditContext audit) => db.Guard(() =>
    {
        using var tx = db.BeginWrite();
        if (!reader.Load(tx, new HashSet<string>(StringComparer.Ordinal) { patientId }).TryGetValue(patientId, out var record))
        {
            tx.Rollback();
            return false;
        }
        using (var rows = new PatientRowWriter(db, tx))
        using (var log = trail.Begin(tx, audit, null))
        {
            rows.Delete(patientId);
            log.Write(AuditAction.Delete, patientId, "patient", null, null, RecordDiff.Json(record), null);
        }
        db.FlushRows(tx);
        RegistryVersion.Advance(db, tx);
        tx.Commit();
        return true;
    });

    public IReadOnlyList<AuditEntry> ReadAudit(string? patientId = null) => db.Guard(() => trail.Read(patientId));

    public long LastAuditId() => db.Guard(trail.LastId);

    public AuditHead? AuditHead() => db.Guard(trail.Head);

    public AuditVerification VerifyAudit(AuditHead? recorded = null) => db.Guard(() => trail.Verify(recorded));
}
