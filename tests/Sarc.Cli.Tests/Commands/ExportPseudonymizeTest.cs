using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public sealed class ExportPseudonymizeTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sarc-pseudo-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Db()
    {
        var db = Path.Combine(folder, "r.db");
        var files = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, "long"), 20);
        Assert.Equal(0, CliRun.Of("import", "--db", db, "--as-of", "2030-01-01", files).ExitCode);
        return db;
    }

    [Fact]
    public void Pseudonymize_WritesTheLongFormatWithPseudonymsAndBirthYears()
    {
        var db = Db();
        var key = Path.Combine(folder, "key");
        File.WriteAllText(key, "c2VjcmV0IGtleSBmb3IgdGhlIHNhcmMgdGVzdHMsIDMyIGJ5dGVzIGF0IGxlYXN0Cg==\n");

        var run = CliRun.Of("export", "--db", db, "--out", Path.Combine(folder, "out"), "--pseudonymize", "--key-file", key);

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("20 patients from " + db + " (long format, pseudonymized)\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var patients = File.ReadAllLines(Path.Combine(folder, "out", "patients.csv"));
        Assert.Equal(21, patients.Length);
        Assert.All(patients.Skip(1), line => Assert.Matches("^[A-Z2-7]{16},[^,]*,[MF],(\\d{4}|90\\+),", line));
    }

    [Theory]
    [InlineData("missing", "cannot be read")]
    [InlineData("short", "holds 9 bytes; a key needs at least 32")]
    public void Pseudonymize_BadKeyFile_IsOneLineAndWritesNothing(string which, string fragment)
    {
        var db = Db();
        var key = Path.Combine(folder, which);
        if (which == "short")
        {
            File.WriteAllText(key, "too short\n");
        }
        var output = Path.Combine(folder, "out");

        CliRun.Of("export", "--db", db, "--out", output, "--pseudonymize", "--key-file", key).AssertUserError(fragment);

        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Pseudonymize_WithoutKeyFile_IsOneLine() =>
        CliRun.Of("export", "--db", Db(), "--out", Path.Combine(folder, "out"), "--pseudonymize").AssertUserError("--pseudonymize needs --key-file");

    [Fact]
    public void Pseudonymize_ToTheFlatTemplate_IsOneLine() =>
        CliRun.Of("export", "--db", Db(), "--out", Path.Combine(folder, "flat.csv"), "--pseudonymize", "--key-file", "k").AssertUserError("--pseudonymize writes the long format");
}
