using Microsoft.Data.Sqlite;
using Npgsql;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Testing;

namespace Sarc.Registry.Tests.Storage;

/// <summary>
/// A registry written by schema version 2 (a committed file made by that version's <c>sarc import</c>, see
/// Fixtures/README.md) opens with this version and is upgraded in place: every patient, value and audit record kept,
/// the flat export byte-identical to the one that version wrote, the upgrade itself in the audit trail — on SQLite, and
/// on PostgreSQL with the same rows loaded into a database at version 2.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RegistryUpgradeTest(PostgresServer server) : IDisposable
{
    private static readonly string Fixtures = Fixture.PathOf("tests", "Sarc.Registry.Tests", "Storage", "Fixtures");
    private static readonly string[] V2Tables = ["patient", "tumor", "surgery", "radiotherapy", "pathology", "comorbidity", "outcome_event", "complication", "audit"];
    private readonly List<string> files = [];

    [Fact]
    public void Open_Version2Sqlite_UpgradesInPlaceKeepingEveryValueAndAuditRecord()
    {
        var path = CopyOfFixture();
        var oldAudit = RawAudit(path);

        using var store = RegistryStore.Open(path);

        AssertUpgraded(store, oldAudit);
    }

    [Fact]
    public void Open_Version2Postgres_UpgradesInPlaceKeepingEveryValueAndAuditRecord()
    {
        var database = server.CreateDatabase();
        LoadVersion2(database, CopyOfFixture());
        var oldAudit = RawAudit(CopyOfFixture());

        using (var store = RegistryStore.Open(database))
        {
            AssertUpgraded(store, oldAudit);
        }
        using var again = RegistryStore.Open(database);
        Assert.Equal(Migrations.All.Count(m => m.Version > 2), again.ReadAudit().Count(e => e.Action == AuditAction.Migrate));
    }

    [Fact]
    public void Open_Version2Sqlite_WhoseUpgradeFails_IsLeftExactlyAsItWas()
    {
        var path = CopyOfFixture();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // A table the upgrade wants to create already exists: migration 3 fails half way through its SQL.
            command.CommandText = "CREATE TABLE systemic (x TEXT)";
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<Sarc.Data.DataInputException>(() => RegistryStore.Open(path));

        Assert.StartsWith($"{path}: upgrading the registry to schema version 3 failed, nothing was changed:", e.Message);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(path));
        using var connection2 = new SqliteConnection($"Data Source={path};Pooling=False");
        connection2.Open();
        using var version = connection2.CreateCommand();
        version.CommandText = "SELECT MAX(version) FROM schema_migrations";
        Assert.Equal(2L, version.ExecuteScalar());
    }

    [Fact]
    public void Open_RegistryWithALaterMigrationButNotAnEarlierOne_AppliesTheMissingOne()
    {
        // Migration 4 (accounts) reached main before 3: a registry made in between records 1, 2 and 4.
        var path = CopyOfFixture();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.All.Single(m => m.Version == 4).Sqlite + "; INSERT INTO schema_migrations VALUES (4, 'accounts', '2026-12-01T00:00:00Z')";
            command.ExecuteNonQuery();
        }

        using var store = RegistryStore.Open(path);

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        var export = new StringWriter();
        TemplateWriter.WriteCsv(store.LoadPatients(), export);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures, "flat-export-v2.csv")), export.ToString());
    }

    [Fact]
    public void Open_Version7Sqlite_FillsEachPatientsSummaryFromItsRows()
    {
        var path = TemplateText.TempPath(".db");
        files.Add(path);
        AssertVersion7Upgraded(path, sql =>
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        });
    }

    [Fact]
    public void Open_Version7Postgres_FillsEachPatientsSummaryFromItsRows()
    {
        var database = server.CreateDatabase();
        AssertVersion7Upgraded(database, sql =>
        {
            using var connection = new NpgsqlConnection(database);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        });
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in files)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static void AssertUpgraded(IRegistryStore store, List<string?[]> oldAudit)
    {
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Equal(7, store.CountPatients());
        RegistryStoreContract.AssertSummariesAreTheRecords(store);
        var export = new StringWriter();
        TemplateWriter.WriteCsv(store.LoadPatients(), export);
        Assert.Equal(File.ReadAllText(Path.Combine(Fixtures, "flat-export-v2.csv")), export.ToString());

        var audit = store.ReadAudit();
        var later = Migrations.All.Count(m => m.Version > 2);
        Assert.Equal(oldAudit.Count + later, audit.Count);
        for (var i = 0; i < oldAudit.Count; i++)
        {
            var e = audit[i];
            string?[] now = [e.Who, e.Action.ToString().ToLowerInvariant(), e.PatientId, e.Entity, e.Field, e.OldValue, e.NewValue, e.SourceFile, e.SourceSha256, e.Reason];
            Assert.Equal(oldAudit[i], now);
        }
        // One migrate record per upgrade step, in order: 2 → 3 (the longitudinal registry), then the later ones.
        var migration = audit[oldAudit.Count];
        Assert.Equal((AuditAction.Migrate, "schema", "version", "2", "3"), (migration.Action, migration.Entity, migration.Field!, migration.OldValue!, migration.NewValue!));
        Assert.Equal(Migrations.All.Single(m => m.Version == 3).Description, migration.Reason);
        Assert.All(audit.Skip(oldAudit.Count), e => Assert.Equal(AuditAction.Migrate, e.Action));
        // Migration 6 chained the records version 2 wrote, and the migrate records after it joined the chain.
        var verification = store.VerifyAudit();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(new AuditHead(audit[^1].Id, audit[^1].Sha256!), verification.Head);
        Assert.All(audit, e => Assert.Matches("^[0-9a-f]{64}$", e.Sha256!));
    }

    /// <summary>
    /// A synthetic registry taken back to version 7 (migration 8's columns and index dropped, its record removed) by
    /// <paramref name="execute"/>, then opened: migration 8 runs again, and the summaries it fills are those of the records.
    /// </summary>
    private static void AssertVersion7Upgraded(string db, Action<string> execute)
    {
        var folder = Sarc.Testing.SyntheticLongRegistry.WriteFolder(TemplateText.TempPath(""), 300, seed: 8);
        try
        {
            using (var store = RegistryStore.Open(db))
            {
                Assert.True(RegistryImporter.ImportFile(store, folder, update: false, new AuditContext("ana", new FixedClock()), new DateOnly(2026, 1, 1)).Succeeded);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        SqliteConnection.ClearAllPools();
        string[] columns = ["histology", "site", "grade", "primary_surgery_date", "local_recurrence_date", "distant_metastasis_date", "death_date", "last_contact_date", "last_followup_status"];
        execute("DROP INDEX patient_filter;" + string.Concat(columns.Select(c => $"ALTER TABLE patient DROP COLUMN {c};")) + "DELETE FROM schema_migrations WHERE version = 8;");

        using var upgraded = RegistryStore.Open(db);

        Assert.Equal(8, upgraded.SchemaVersion);
        RegistryStoreContract.AssertSummariesAreTheRecords(upgraded);
        var records = upgraded.LoadPatients();
        // The synthetic registry has every kind of fact the summary holds, so each column was filled from its rows.
        Assert.Contains(records, r => r.Death is not null);
        Assert.Contains(records, r => r.First(Sarc.Registry.Domain.OutcomeEventKind.LocalRecurrence) is not null);
        Assert.Contains(records, r => r.LastFollowUp?.Status is not null);
        Assert.Contains(records, r => r.LastContact > r.PrimarySurgery.Date);
    }

    private string CopyOfFixture()
    {
        var path = TemplateText.TempPath(".db");
        File.Copy(Path.Combine(Fixtures, "registry-v2.db"), path);
        files.Add(path);
        return path;
    }

    /// <summary>The audit records as version 2 stored them (who, action, patient, entity, field, old, new, file, hash, reason).</summary>
    private static List<string?[]> RawAudit(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT who, action, patient_id, entity, field, old_value, new_value, source_file, source_sha256, reason FROM audit ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))]);
        }
        Assert.Equal(19, rows.Count);
        return rows;
    }

    /// <summary>Applies migrations 1 and 2 to a new PostgreSQL database and copies every row of the version-2 SQLite file into it.</summary>
    private static void LoadVersion2(string database, string sqlitePath)
    {
        using var pg = new NpgsqlConnection(database);
        pg.Open();
        using (var schema = pg.CreateCommand())
        {
            schema.CommandText = Migrations.All[0].Postgres + Migrations.All[1].Postgres
                + "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL);"
                + "INSERT INTO schema_migrations VALUES (1, 'v1', '2025-01-01T00:00:00Z'), (2, 'v2', '2025-01-01T00:00:00Z');";
            schema.ExecuteNonQuery();
        }
        using var sqlite = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        sqlite.Open();
        foreach (var table in V2Tables)
        {
            using var read = sqlite.CreateCommand();
            read.CommandText = $"SELECT * FROM {table}";
            using var reader = read.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            while (reader.Read())
            {
                using var insert = pg.CreateCommand();
                insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) {(table == "audit" ? "OVERRIDING SYSTEM VALUE " : "")}VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})";
                for (var i = 0; i < columns.Length; i++)
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = reader.IsDBNull(i) ? DBNull.Value : Value(columns[i], reader, i) });
                }
                insert.ExecuteNonQuery();
            }
        }
        using var identity = pg.CreateCommand();
        identity.CommandText = "SELECT setval(pg_get_serial_sequence('audit', 'id'), (SELECT MAX(id) FROM audit))";
        identity.ExecuteNonQuery();
    }

    private static object Value(string column, SqliteDataReader reader, int i) => column switch
    {
        "id" when reader.GetFieldType(i) == typeof(long) => reader.GetInt64(i),
        "at" => DateTimeOffset.Parse(reader.GetString(i), System.Globalization.CultureInfo.InvariantCulture),
        _ when column.EndsWith("_date", StringComparison.Ordinal) => DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        "seq" or "fractions" or "charlson" => reader.GetInt32(i),
        "size_cm" or "dose_gy" or "necrosis_pct" or "bmi" => reader.GetDouble(i),
        _ => reader.GetString(i),
    };
}
