namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// Only <c>sarc import</c> (and <c>user add</c>) create a registry; every command that reads one refuses a SQLite path
/// with no file instead of silently working on a new empty registry, and leaves no file behind.
/// </summary>
public class MissingDatabaseTest
{
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "export", "--out", "OUT.csv" },
        new[] { "endpoints", "--endpoint", "os", "--out", "OUT.csv" },
        new[] { "audit" },
        new[] { "surveillance", "due", "--as-of", "2026-01-01" },
        new[] { "study", "run", Sarc.Testing.Fixture.PathOf("studies", "lr-dm-multistate.yaml"), "--out", "OUT" },
        new[] { "serve", "--urls", "http://127.0.0.1:0" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void ReadingCommand_OnMissingSqliteFile_IsUserErrorAndCreatesNothing(string[] command)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sarc-missing-db-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var db = Path.Combine(folder, "typo.db");
            var args = command.Select(a => a.StartsWith("OUT", StringComparison.Ordinal) ? Path.Combine(folder, a) : a).Concat(["--db", db]).ToArray();

            CliRun.Of(args).AssertUserError($"database '{db}' does not exist (sarc import creates one)");

            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
