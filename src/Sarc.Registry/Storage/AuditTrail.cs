using System.Data;
using System.Data.Common;
using Sarc.Registry.Audit;

namespace Sarc.Registry.Storage;

/// <summary>
/// The audit trail: writes the records of one change in that change's transaction (who, when and why from the
/// <see cref="AuditContext"/>, the import file's name and SHA-256), each chained to the one before by its SHA-256
/// (<see cref="AuditChain"/>), and reads them back in the order written. Writers hold the registry's write lock
/// (<see cref="RegistryDatabase.BeginWrite"/>), so the head a writer starts from cannot move under it: concurrent changes
/// never fork the chain.
/// </summary>
internal sealed class AuditTrail(RegistryDatabase db)
{
    private const string Columns = "id, at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256, reason, item, prev_sha256, sha256";

    /// <summary>Every record (or one patient's) in the order written.</summary>
    public IReadOnlyList<AuditEntry> Read(string? patientId) => Read(db, null, patientId);

    /// <summary>Every record (or one patient's) in the order written, inside <paramref name="tx"/> when given.</summary>
    public static List<AuditEntry> Read(RegistryDatabase db, DbTransaction? tx, string? patientId)
    {
        var sql = $"SELECT {Columns} FROM audit" + (patientId is null ? "" : " WHERE patient_id = @id") + " ORDER BY id";
        using var command = patientId is null ? db.Create(tx, sql) : db.Create(tx, sql, ("@id", DbType.String));
        if (patientId is not null)
        {
            command.Parameters[0].Value = patientId;
        }
        var entries = new List<AuditEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(Entry(reader));
        }
        return entries;
    }

    /// <summary>The record at the reader's row (columns as in <see cref="Columns"/>).</summary>
    private static AuditEntry Entry(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetFieldValue<DateTimeOffset>(1).ToUniversalTime(),
        r.GetString(2),
        Enum.Parse<AuditAction>(r.GetString(3), ignoreCase: true),
        r.GetString(4),
        r.GetString(5),
        Text(r, 6),
        Text(r, 7),
        Text(r, 8),
        Text(r, 9),
        Text(r, 10),
        Text(r, 11),
        Text(r, 12),
        Text(r, 13),
        Text(r, 14));

    /// <summary>The id of the newest record, 0 when there is none.</summary>
    public long LastId() => db.Scalar(null, "SELECT COALESCE(MAX(id), 0) FROM audit");

    /// <summary>The newest record's id and hash, null when there is none.</summary>
    public AuditHead? Head()
    {
        using var command = db.Create(null, "SELECT id, sha256 FROM audit ORDER BY id DESC LIMIT 1");
        using var reader = command.ExecuteReader();
        return reader.Read() ? new AuditHead(reader.GetInt64(0), Text(reader, 1) ?? "") : null;
    }

    /// <summary>The newest record of one patient (the last change to it), null when there is none.</summary>
    public AuditEntry? LastOf(DbTransaction? tx, string patientId)
    {
        using var command = db.Create(tx, $"SELECT {Columns} FROM audit WHERE patient_id = @id ORDER BY id DESC LIMIT 1", ("@id", DbType.String));
        command.Parameters[0].Value = patientId;
        using var reader = command.ExecuteReader();
        return reader.Read() ? Entry(reader) : null;
    }

    /// <summary>Walks the whole chain (<see cref="AuditChain.Verify"/>).</summary>
    public AuditVerification Verify(AuditHead? recorded) => AuditChain.Verify(Read(db, null, null), recorded);

    /// <summary>
    /// A writer of one change's records inside <paramref name="tx"/> (one writer per transaction); with
    /// <paramref name="copy"/> (a store that <see cref="RegistryDatabase.CanCopy"/>) the records stream into one binary
    /// COPY, so nothing else may run on the connection between the first record and <see cref="Writer.Complete"/>.
    /// </summary>
    public Writer Begin(DbTransaction tx, AuditContext audit, ImportSource? source, bool copy = false) => new(db, tx, audit, source, copy);

    /// <summary>The hash of the newest record inside <paramref name="tx"/>: where the next record links to (<see cref="AuditChain.Genesis"/> when there is none).</summary>
    private static string HeadHash(RegistryDatabase db, DbTransaction tx)
    {
        using var command = db.Create(tx, "SELECT sha256 FROM audit ORDER BY id DESC LIMIT 1");
        var value = command.ExecuteScalar();
        return value is string sha ? sha : AuditChain.Genesis;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// Links every record, in id order, into the chain: the step of the migration that added the hash columns, run in
    /// its transaction, so that a registry's existing trail is covered from its first record.
    /// </summary>
    public static void ChainExisting(RegistryDatabase db, DbTransaction tx)
    {
        var previous = AuditChain.Genesis;
        using var update = db.PrepareRow(tx, "UPDATE audit SET prev_sha256 = @prev, sha256 = @sha WHERE id = @id", [DbType.String, DbType.String, DbType.Int64]);
        foreach (var entry in Read(db, tx, null))
        {
            var sha = AuditChain.Hash(previous, entry);
            update.Text(0, previous);
            update.Text(1, sha);
            update.Long(2, entry.Id);
            update.Execute();
            previous = sha;
        }
        db.FlushRows(tx);
    }

    /// <summary>
    /// Writes audit records with one prepared statement (or one binary COPY), all stamped with the same instant, each
    /// linked to the one before. The same records in the same order make the same chain either way.
    /// </summary>
    internal sealed class Writer(RegistryDatabase db, DbTransaction tx, AuditContext audit, ImportSource? source, bool copy) : IDisposable
    {
        private static readonly string[] Written = ["at", "who", "action", "patient_id", "entity", "field", "old_value", "new_value", "source_file", "source_sha256", "reason", "item", "prev_sha256", "sha256"];
        private static readonly DbType[] Types = [DbType.DateTimeOffset, .. Enumerable.Repeat(DbType.String, Written.Length - 1)];
        private static readonly string InsertSql = $"INSERT INTO audit ({string.Join(", ", Written)}) VALUES ({string.Join(", ", Written.Select(c => "@" + c))})";

        private readonly DateTimeOffset now = AuditChain.Storable(audit.Clock.GetUtcNow());
        private IRowCommand? command;
        private string? previous;

        /// <summary>How many records this writer wrote.</summary>
        public int Count { get; private set; }

        public void Write(AuditAction action, string patientId, string entity, string? field, string? item, string? oldValue, string? newValue)
        {
            // The head is read before a COPY opens: the connection runs nothing else while it is open.
            previous ??= HeadHash(db, tx);
            command ??= copy ? db.BeginCopy(tx, "audit", Written, Types) : db.PrepareRow(tx, InsertSql, Types);
            var entry = new AuditEntry(0, now, audit.User, action, patientId, entity, field, oldValue, newValue, source?.FileName, source?.Sha256, audit.Reason, item);
            var sha = AuditChain.Hash(previous, entry);
            command.Timestamp(0, now);
            command.Text(1, audit.User);
            command.Text(2, AuditChain.Code(action));
            command.Text(3, patientId);
            command.Text(4, entity);
            command.Text(5, field);
            command.Text(6, oldValue);
            command.Text(7, newValue);
            command.Text(8, source?.FileName);
            command.Text(9, source?.Sha256);
            command.Text(10, audit.Reason);
            command.Text(11, item);
            command.Text(12, previous);
            command.Text(13, sha);
            command.Execute();
            previous = sha;
            Count++;
            FaultPoints.Reach(FaultPoints.AuditWritten);
        }

        /// <summary>Ends a COPY of the records (nothing to do for prepared statements, which the store flushes).</summary>
        public void Complete()
        {
            if (command is IRowCopy bulk)
            {
                bulk.Complete();
                FaultPoints.Reach(FaultPoints.Copied);
            }
        }

        public void Dispose() => command?.Dispose();
    }
}
