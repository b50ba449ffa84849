using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary><c>sarc backup</c> / <c>sarc restore</c> on SQLite files: byte-identical exports, a verified chain, no silent overwrite.</summary>
public sealed class BackupCommandTest : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sarc-cli-backup-").FullName;

    private string Db => Path.Combine(directory, "r.db");

    private string Backup => Path.Combine(directory, "r.backup");

    [Fact]
    public void BackupThenRestore_ExportsByteIdentically_AndTheChainVerifiesWithTheSameHead()
    {
        Imported(Db, 20);
        var head = CliRun.Of("audit", "verify", "--db", Db).Output;

        var backup = CliRun.Of("backup", "--db", Db, "--out", Backup);
        Assert.Equal(0, backup.ExitCode);
        Assert.Matches(@"^.*r\.backup: 20 patients, 20 audit records, audit head 20:[0-9a-f]{64}\n$", backup.Output);
        var restored = Path.Combine(directory, "restored.db");
        var restore = CliRun.Of("restore", "--from", Backup, "--db", restored);

        Assert.Equal(0, restore.ExitCode);
        Assert.Equal(Export(Db), Export(restored));
        Assert.Equal(head, CliRun.Of("audit", "verify", "--db", restored).Output);
    }

    [Fact]
    public void Restore_OverANonEmptyRegistry_IsRefusedWithoutForce_AndReplacesItWithForce()
    {
        Imported(Db, 5);
        Assert.Equal(0, CliRun.Of("backup", "--db", Db, "--out", Backup).ExitCode);
        var other = Path.Combine(directory, "other.db");
        Imported(other, 8);
        var before = Export(other);

        CliRun.Of("restore", "--from", Backup, "--db", other).AssertUserError($"{other} is not empty (8 patients, 8 audit records): give --force to replace it with the backup");
        Assert.Equal(before, Export(other));

        Assert.Equal(0, CliRun.Of("restore", "--from", Backup, "--db", other, "--force").ExitCode);
        Assert.Equal(Export(Db), Export(other));
    }

    [Fact]
    public void Mistakes_AreOneLineEach()
    {
        Imported(Db, 2);
        File.WriteAllText(Backup, "not a backup");
        CliRun.Of("backup", "--db", Db, "--out", Backup).AssertUserError($"--out: '{Backup}' exists; give a new file name");
        CliRun.Of("restore", "--from", Backup, "--db", Path.Combine(directory, "n.db")).AssertUserError("is not a backup of a SQLite registry");
        CliRun.Of("restore", "--from", Path.Combine(directory, "none"), "--db", Db).AssertUserError("does not exist");
        CliRun.Of("backup", "--db", Path.Combine(directory, "none.db"), "--out", Path.Combine(directory, "x")).AssertUserError("does not exist");
    }

    private void Imported(string db, int patients)
    {
        var input = Path.Combine(directory, $"in{patients}.csv");
        File.WriteAllText(input, SyntheticRegistryFile.Create(patients, seed: patients));
        Assert.Equal(0, CliRun.Of("import", "--db", db, input).ExitCode);
    }

    private string Export(string db)
    {
        var folder = Path.Combine(directory, "export-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, CliRun.Of("export", "--db", db, "--out", folder).ExitCode);
        return string.Concat(Directory.GetFiles(folder).Order().Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
