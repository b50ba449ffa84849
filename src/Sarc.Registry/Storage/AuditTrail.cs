using System.Data;
using System.Data.Common;
using Sarc.Registry.Audit;

namespace Sarc.Registry.Storage;

/// <summary>
/// The audit trail: writes the records of one change in that change's transaction (who, when and why from the
/// <see cref="AuditContext"/>, the import file's name and SHA-256), and reads them back in the order written.
/// </summary>
internal sealed class AuditTrail(RegistryDatabase db)
{
    private static readonly string[] ActionCodes = ["insert", "update", "delete", "migrate"];

    /// <summary>Every record (or one patient's) in the order written.</summary>
    public IReadOnlyList<AuditEntry> Read(string? patientId)
    {
        var sql = "SELECT id, at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256, reason, item FROM audit"
            + (patientId is null ? "" : " WHERE patient_id = @id") + " ORDER BY id";
        using var command = patientId is null ? db.Create(null, sql) : db.Create(null, sql, ("@id", DbType.String));
        if (patientId is not null)
        {
            command.Parameters[0].Value = patientId;
        }
        var entries = new List<AuditEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1).ToUniversalTime(),
                reader.GetString(2),
                Enum.Parse<AuditAction>(reader.GetString(3), ignoreCase: true),
                reader.GetString(4),
                reader.GetString(5),
                Text(reader, 6),
                Text(reader, 7),
                Text(reader, 8),
                Text(reader, 9),
                Text(reader, 10),
                Text(reader, 11),
                Text(reader, 12)));
        }
        return entries;
    }

    /// <summary>The id of the newest record, 0 when there is none.</summary>
    public long LastId() => db.Scalar(null, "SELECT COALESCE(MAX(id), 0) FROM audit");

    /// <summary>A writer of one change's records inside <paramref name="tx"/>.</summary>
    public Writer Begin(DbTransaction tx, AuditContext audit, Audit.ImportSource? source) => new(db, tx, audit, source);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Writes audit records with one prepared statement, all stamped with the same instant.</summary>
    internal sealed class Writer(RegistryDatabase db, DbTransaction tx, AuditContext audit, Audit.ImportSource? source) : IDisposable
    {
        private readonly DateTimeOffset now = audit.Clock.GetUtcNow().ToUniversalTime();
        private IRowCommand? command;

        public void Write(AuditAction action, string patientId, string entity, string? field, string? item, string? oldValue, string? newValue)
        {
            command ??= db.PrepareRow(tx,
                "INSERT INTO audit (at, who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256, reason, item) VALUES (@at, @who, @action, @pid, @entity, @field, @old, @new, @file, @hash, @reason, @item)",
                [DbType.DateTimeOffset, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String]);
            command.Timestamp(0, now);
            command.Text(1, audit.User);
            command.Text(2, ActionCodes[(int)action]);
            command.Text(3, patientId);
            command.Text(4, entity);
            command.Text(5, field);
            command.Text(6, oldValue);
            command.Text(7, newValue);
            command.Text(8, source?.FileName);
            command.Text(9, source?.Sha256);
            command.Text(10, audit.Reason);
            command.Text(11, item);
            command.Execute();
        }

        public void Dispose() => command?.Dispose();
    }
}
