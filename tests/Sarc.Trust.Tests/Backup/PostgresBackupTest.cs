using Sarc.Data;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Tests.Storage;
using Sarc.Testing;

namespace Sarc.Trust.Tests.Backup;

/// <summary><see cref="RegistryBackup"/> on a real PostgreSQL server: pg_dump's custom format and pg_restore.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTest(PostgresServer server) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sarc-pg-backup-").FullName;

    [Fact]
    public void BackupThenRestore_ExportsByteIdentically_AndTheChainVerifiesWithTheSameHead()
    {
        var db = Registry(40);
        AuditHead head;
        using (var store = RegistryStore.Open(db))
        {
            head = store.AuditHead()!;
        }
        var path = Path.Combine(folder, "r.dump");

        var backup = RegistryBackup.Backup(db, path);
        var restored = server.CreateDatabase();
        var restore = RegistryBackup.Restore(path, restored, force: false);

        Assert.Equal((40, head), (backup.Patients, backup.Audit.Head));
        Assert.Equal((40, head), (restore.Patients, restore.Audit.Head));
        Assert.Equal(RegistrySnapshot.Export(db), RegistrySnapshot.Export(restored));
        using var again = RegistryStore.Open(restored);
        Assert.True(again.VerifyAudit(head).IsIntact);
        // The restored registry takes new changes after the restored chain.
        Assert.True(RegistryImporter.ImportFile(again, Input(3, seed: 9, prefix: "N"), false, new AuditContext("t", TimeProvider.System)).Succeeded);
        Assert.True(again.VerifyAudit(head).IsIntact);
    }

    [Fact]
    public void Restore_OverANonEmptyRegistry_IsRefusedWithoutForce()
    {
        var path = Path.Combine(folder, "r.dump");
        RegistryBackup.Backup(Registry(5), path);
        var other = Registry(7);
        var before = RegistrySnapshot.Export(other);

        var e = Assert.Throws<DataInputException>(() => RegistryBackup.Restore(path, other, force: false));

        Assert.Contains("is not empty (7 patients, 7 audit records): give --force", e.Message);
        Assert.Equal(before, RegistrySnapshot.Export(other));
        Assert.Equal(5, RegistryBackup.Restore(path, other, force: true).Patients);
    }

    private string Registry(int patients)
    {
        var db = server.CreateDatabase();
        Assert.True(RegistryImporter.ImportFile(db, Input(patients, patients, "P"), false, new AuditContext("t", TimeProvider.System)).Succeeded);
        return db;
    }

    private string Input(int patients, int seed, string prefix)
    {
        var path = Path.Combine(folder, $"{prefix}{patients}-{seed}.csv");
        File.WriteAllText(path, SyntheticRegistryFile.Create(patients, seed).Replace("\nP", "\n" + prefix, StringComparison.Ordinal));
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
