using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Storage;

/// <summary>The store contract on an SQLite file.</summary>
public sealed class SqliteRegistryStoreTest : RegistryStoreContract, IDisposable
{
    private readonly List<string> files = [];

    protected override IRegistryStore OpenNew()
    {
        files.Add(TemplateText.TempPath(".db"));
        return RegistryStore.Open(files[^1]);
    }

    protected override IRegistryStore Reopen() => RegistryStore.Open(files[^1]);

    [Fact]
    public void Open_Version1Database_AddsTheReasonColumnAndKeepsOldRecordsWithoutReason()
    {
        files.Add(TemplateText.TempPath(".db"));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + files[^1] + ";Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.All[0].Sqlite
                + "; CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
                + "; INSERT INTO schema_migrations VALUES (1, 'v1', '2025-01-01T00:00:00Z')"
                + "; INSERT INTO audit (at, who, action, patient_id, entity, field, old_value, new_value, source_file) "
                + "VALUES ('2025-01-01T00:00:00+00:00', 'old', 'update', 'P1', 'tumor', 'grade', '3', '2', 'web form: review')";
            command.ExecuteNonQuery();
        }

        using var store = Reopen();

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        var entry = store.ReadAudit()[0];
        Assert.Equal(("old", "web form: review"), (entry.Who, entry.SourceFile!));
        Assert.Null(entry.Reason);
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
