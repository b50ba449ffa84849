using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary><c>sarc audit verify</c> end to end on a SQLite file edited behind sarc's back.</summary>
public sealed partial class AuditVerifyCommandTest : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sarc-cli-verify-").FullName;

    private string Db => Path.Combine(directory, "r.db");

    [Fact]
    public void Verify_UntouchedRegistry_PrintsEntriesAndHead()
    {
        Imported(3);

        var run = CliRun.Of("audit", "verify", "--db", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^audit trail intact: 3 entries, head 3:[0-9a-f]{64}\n$", run.Output);
        var json = CliRun.Of("audit", "verify", "--db", Db, "--json").Json();
        Assert.True(json.GetProperty("intact").GetBoolean());
        Assert.Equal(3, json.GetProperty("entries").GetInt32());
        Assert.Equal(Head(run.Output), json.GetProperty("head").GetString());
    }

    [Fact]
    public void Verify_ChangedValue_IsOneLineExitTwoNamingTheEntry()
    {
        Imported(3);
        Tamper("UPDATE audit SET new_value = replace(new_value, '\"F\"', '\"M\"') WHERE id = 2");

        CliRun.Of("audit", "verify", "--db", Db).AssertUserError($"{Db}: the audit trail was altered: audit entry 2 was changed: its content no longer matches its hash");
    }

    [Fact]
    public void Verify_TailRemoved_PassesAlone_AndFailsAgainstTheHeadPrintedBefore()
    {
        Imported(3);
        var head = Head(CliRun.Of("audit", "verify", "--db", Db).Output);
        Tamper("DELETE FROM audit WHERE id = 3");

        Assert.Equal(0, CliRun.Of("audit", "verify", "--db", Db).ExitCode);
        CliRun.Of("audit", "verify", "--db", Db, "--head", head).AssertUserError($"the recorded head {head} is missing: the chain ends at entry 2");
        var intact = CliRun.Of("audit", "verify", "--db", Path.Combine(directory, "other.db"), "--head", "x");
        intact.AssertUserError("--head: 'x' is not a head; expected ID:SHA256");
    }

    [Fact]
    public void Verify_MissingDatabase_IsOneLine()
    {
        CliRun.Of("audit", "verify", "--db", Db).AssertUserError($"database '{Db}' does not exist");
    }

    private void Imported(int patients)
    {
        var input = Path.Combine(directory, "in.csv");
        File.WriteAllText(input, SyntheticRegistryFile.Create(patients));
        Assert.Equal(0, CliRun.Of("import", "--db", Db, input).ExitCode);
    }

    private void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static string Head(string output) => HeadPattern().Match(output).Value;

    [GeneratedRegex("[0-9]+:[0-9a-f]{64}")]
    private static partial Regex HeadPattern();

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
