using Microsoft.Data.Sqlite;
using Sarc.Web.Accounts;

namespace Sarc.Cli.Tests.Commands;

public sealed class UserCommandTest : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"sarc-cli-user-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_db);
    }

    [Fact]
    public void Add_WithoutSarcPassword_PrintsAGeneratedPasswordThatSignsIn()
    {
        var run = CliRun.Of("user", "add", "--db", _db, "--email", "DM@Example.org", "--role", "data_manager", "--center", "A", "--center", "B");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("added dm@example.org (data_manager, A, B)", lines[0]);
        var password = lines[1]["password: ".Length..].Trim();
        var (outcome, user) = UserStore.Open(_db).CheckPassword("dm@example.org", password);
        Assert.Equal(SignInOutcome.Succeeded, outcome);
        Assert.Equal(["A", "B"], user!.Centers);
    }

    [Fact]
    public void Add_InvestigatorWithoutCenter_IsAUserError()
    {
        CliRun.Of("user", "add", "--db", _db, "--email", "f@example.org", "--role", "investigator")
            .AssertUserError("the role investigator needs at least one --center");
    }

    [Fact]
    public void Add_UnknownRole_IsAUserError()
    {
        CliRun.Of("user", "add", "--db", _db, "--email", "f@example.org", "--role", "boss")
            .AssertUserError("role 'boss' is not one of admin | data_manager | investigator");
    }

    [Fact]
    public void Add_SameEmailTwice_IsAUserError()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--email", "a@example.org", "--role", "admin").ExitCode);
        CliRun.Of("user", "add", "--db", _db, "--email", "A@example.org", "--role", "admin").AssertUserError("user a@example.org already exists");
    }

    [Fact]
    public void Token_PrintsANewTokenThatIdentifiesTheUser()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--email", "a@example.org", "--role", "admin").ExitCode);
        var first = CliRun.Of("user", "token", "--db", _db, "--email", "a@example.org").Output.Trim();
        var second = CliRun.Of("user", "token", "--db", _db, "--email", "a@example.org").Output.Trim();
        Assert.NotEqual(first, second);
        Assert.Equal("a@example.org", UserStore.Open(_db).FindByToken(first)?.Email);
        Assert.Null(UserStore.Open(_db).FindByToken(first + "x"));
    }

    [Fact]
    public void Token_UnknownUser_IsAUserError()
    {
        CliRun.Of("user", "token", "--db", _db, "--email", "nobody@example.org").AssertUserError("no user nobody@example.org");
    }
}
