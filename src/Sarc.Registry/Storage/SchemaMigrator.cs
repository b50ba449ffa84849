using System.Data;
using Sarc.Data;

namespace Sarc.Registry.Storage;

/// <summary>
/// Brings a database's schema up to <see cref="Migrations.Latest"/>: each pending migration in its own transaction
/// with its row in <c>schema_migrations</c>, so a failed migration leaves the registry exactly as it was (SQLite and
/// PostgreSQL both roll back schema changes). Upgrading a registry that already had a schema is a change to the
/// registry's data too, so each such migration from version 3 on writes an audit record (action <c>migrate</c>, entity
/// <c>schema</c>, old and new version, the migration's description as the reason) in the same transaction.
/// </summary>
internal static class SchemaMigrator
{
    /// <exception cref="DataInputException">The database's schema is newer than this program knows, or an upgrade of an existing registry failed (rolled back: the registry is as it was).</exception>
    public static void Migrate(RegistryDatabase db)
    {
        db.Execute(null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var applied = AppliedVersions(db);
        var current = applied.Count == 0 ? 0 : applied.Max();
        if (current > Migrations.Latest)
        {
            throw new DataInputException(
                $"{db.Description}: registry schema version {current} is newer than this sarc knows ({Migrations.Latest}); update sarc");
        }
        var upgrading = applied.Count > 0;
        foreach (var migration in Migrations.All)
        {
            // Every migration not yet recorded, in version order — not only those above the highest: a registry may
            // have a later one without an earlier (4, the accounts, was released before 3).
            if (applied.Contains(migration.Version))
            {
                continue;
            }
            using var tx = db.Begin();
            try
            {
                db.Execute(tx, db.IsPostgres ? migration.Postgres : migration.Sqlite);
            }
            catch (System.Data.Common.DbException e) when (upgrading)
            {
                tx.Rollback();
                throw new DataInputException($"{db.Description}: upgrading the registry to schema version {migration.Version} failed, nothing was changed: {e.Message.ReplaceLineEndings(" ")}");
            }
            var now = DateTimeOffset.UtcNow;
            using (var record = db.Create(tx, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @a)",
                ("@v", DbType.Int32), ("@d", DbType.String), ("@a", DbType.String)))
            {
                record.Parameters[0].Value = migration.Version;
                record.Parameters[1].Value = migration.Description;
                record.Parameters[2].Value = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                record.ExecuteNonQuery();
            }
            if (upgrading && migration.Version >= 3)
            {
                using var audit = db.Create(tx,
                    "INSERT INTO audit (at, who, action, patient_id, entity, field, old_value, new_value, reason) VALUES (@at, @who, 'migrate', '', 'schema', 'version', @old, @new, @reason)",
                    ("@at", DbType.DateTimeOffset), ("@who", DbType.String), ("@old", DbType.String), ("@new", DbType.String), ("@reason", DbType.String));
                audit.Parameters[0].Value = now;
                audit.Parameters[1].Value = Environment.UserName;
                audit.Parameters[2].Value = applied.Max().ToString(System.Globalization.CultureInfo.InvariantCulture);
                audit.Parameters[3].Value = migration.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                audit.Parameters[4].Value = migration.Description;
                audit.ExecuteNonQuery();
            }
            tx.Commit();
            applied.Add(migration.Version);
        }
        db.SchemaVersion = applied.Max();
    }

    private static HashSet<int> AppliedVersions(RegistryDatabase db)
    {
        var versions = new HashSet<int>();
        using var command = db.Create(null, "SELECT version FROM schema_migrations");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return versions;
    }
}
