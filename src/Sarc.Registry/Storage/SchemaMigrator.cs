using System.Data;
using System.Globalization;
using Sarc.Data;
using Sarc.Registry.Audit;

namespace Sarc.Registry.Storage;

/// <summary>
/// Brings a database's schema up to <see cref="Migrations.Latest"/>: each pending migration in its own write
/// transaction (<see cref="RegistryDatabase.BeginWrite"/>) with its row in <c>schema_migrations</c>, so a failed
/// migration leaves the registry exactly as it was (SQLite and PostgreSQL both roll back schema changes), and two
/// programs opening the same new or old registry at once apply each migration once. Upgrading a registry that already
/// had a schema is a change to the registry's data too, so each such migration from version 3 on writes an audit
/// record (action <c>migrate</c>, entity <c>schema</c>, old and new version, the migration's description as the
/// reason) in the same transaction — chained into the audit hash chain once the chain exists (version 6).
/// </summary>
internal static class SchemaMigrator
{
    /// <exception cref="DataInputException">The database's schema is newer than this program knows, or an upgrade of an existing registry failed (rolled back: the registry is as it was).</exception>
    public static void Migrate(RegistryDatabase db)
    {
        var applied = HasMigrationTable(db) ? AppliedVersions(db, null) : [];
        CheckNotNewer(db, applied);
        if (Migrations.All.All(m => applied.Contains(m.Version)))
        {
            db.SchemaVersion = applied.Max();
            return;
        }
        using (var tx = db.BeginWrite())
        {
            db.Execute(tx, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            applied = AppliedVersions(db, tx);
            tx.Commit();
        }
        CheckNotNewer(db, applied);
        var upgrading = applied.Count > 0;
        foreach (var migration in Migrations.All)
        {
            // Every migration not yet recorded, in version order — not only those above the highest: a registry may
            // have a later one without an earlier (4, the accounts, was released before 3).
            if (applied.Contains(migration.Version))
            {
                continue;
            }
            using var tx = db.BeginWrite();
            if (AppliedVersions(db, tx).Contains(migration.Version))
            {
                // Another program applied it while this one waited for the lock.
                tx.Rollback();
                applied.Add(migration.Version);
                continue;
            }
            try
            {
                db.Execute(tx, db.IsPostgres ? migration.Postgres : migration.Sqlite);
                migration.Then?.Invoke(db, tx);
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
                record.Parameters[2].Value = now.ToString("O", CultureInfo.InvariantCulture);
                record.ExecuteNonQuery();
            }
            var from = applied.Count == 0 ? 0 : applied.Max();
            applied.Add(migration.Version);
            if (upgrading && migration.Version >= 3)
            {
                Audit(db, tx, migration, from, chained: applied.Contains(Migrations.ChainVersion));
            }
            tx.Commit();
        }
        db.SchemaVersion = applied.Max();
    }

    /// <summary>The migrate record: through the chain's writer once the audit table has its hash columns, plainly before.</summary>
    private static void Audit(RegistryDatabase db, System.Data.Common.DbTransaction tx, Migration migration, int from, bool chained)
    {
        var (old, @new) = (from.ToString(CultureInfo.InvariantCulture), migration.Version.ToString(CultureInfo.InvariantCulture));
        if (chained)
        {
            using var writer = new AuditTrail(db).Begin(tx, new AuditContext(Environment.UserName, TimeProvider.System, migration.Description), null);
            writer.Write(AuditAction.Migrate, "", "schema", "version", null, old, @new);
            db.FlushRows(tx);
            return;
        }
        using var audit = db.Create(tx,
            "INSERT INTO audit (at, who, action, patient_id, entity, field, old_value, new_value, reason) VALUES (@at, @who, 'migrate', '', 'schema', 'version', @old, @new, @reason)",
            ("@at", DbType.DateTimeOffset), ("@who", DbType.String), ("@old", DbType.String), ("@new", DbType.String), ("@reason", DbType.String));
        audit.Parameters[0].Value = AuditChain.Storable(DateTimeOffset.UtcNow);
        audit.Parameters[1].Value = Environment.UserName;
        audit.Parameters[2].Value = old;
        audit.Parameters[3].Value = @new;
        audit.Parameters[4].Value = migration.Description;
        audit.ExecuteNonQuery();
    }

    private static void CheckNotNewer(RegistryDatabase db, HashSet<int> applied)
    {
        var current = applied.Count == 0 ? 0 : applied.Max();
        if (current > Migrations.Latest)
        {
            throw new DataInputException(
                $"{db.Description}: registry schema version {current} is newer than this sarc knows ({Migrations.Latest}); update sarc");
        }
    }

    private static bool HasMigrationTable(RegistryDatabase db) => db.Scalar(null, db.IsPostgres
        ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'"
        : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") > 0;

    private static HashSet<int> AppliedVersions(RegistryDatabase db, System.Data.Common.DbTransaction? tx)
    {
        var versions = new HashSet<int>();
        using var command = db.Create(tx, "SELECT version FROM schema_migrations");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return versions;
    }
}
