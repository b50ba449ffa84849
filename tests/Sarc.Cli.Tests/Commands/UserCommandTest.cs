using Microsoft.Data.Sqlite;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;

namespace Sarc.Cli.Tests.Commands;

public sealed class UserCommandTest : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"sarc-cli-user-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Add_WithoutSarcPassword_PrintsAGeneratedPasswordThatSignsIn()
    {
        var run = CliRun.Of("user", "add", "--db", _db, "--create", "--email", "DM@Example.org", "--role", "data_manager", "--center", "A", "--center", "B");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("added dm@example.org (data_manager, A, B)", lines[0]);
        var password = lines[1]["password: ".Length..].Trim();
        var (outcome, user) = Users().CheckPassword("dm@example.org", password);
        Assert.Equal(SignInOutcome.Succeeded, outcome);
        Assert.Equal(["A", "B"], user!.Centers);
    }

    [Fact]
    public void Add_MistypedDbWithoutCreate_IsAUserErrorAndCreatesNothing()
    {
        // A typo in --db used to start a new registry holding only the new account, silently.
        CliRun.Of("user", "add", "--db", _db, "--email", "a@example.org", "--role", "admin")
            .AssertUserError($"database '{_db}' does not exist (check --db, or add --create to start a new registry there)");
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public void Add_ExistingRegistry_NeedsNoCreate()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);

        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--email", "b@example.org", "--role", "admin").ExitCode);
    }

    [Fact]
    public void Add_InvestigatorWithoutCenter_IsAUserErrorAndCreatesNoRegistry()
    {
        CliRun.Of("user", "add", "--db", _db, "--create", "--email", "f@example.org", "--role", "investigator")
            .AssertUserError("the role investigator needs at least one --center");
        Assert.False(File.Exists(_db));
    }

    [Fact]
    public void Add_UnknownRole_IsAUserError()
    {
        CliRun.Of("user", "add", "--db", _db, "--create", "--email", "f@example.org", "--role", "boss")
            .AssertUserError("role 'boss' is not one of admin | data_manager | investigator");
    }

    [Fact]
    public void Add_SameEmailTwice_IsAUserError()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);
        CliRun.Of("user", "add", "--db", _db, "--email", "A@example.org", "--role", "admin").AssertUserError("user a@example.org already exists");
        Assert.NotNull(Users().Find("a@example.org"));
    }

    [Fact]
    public void Token_PrintsANewTokenThatIdentifiesTheUser()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);
        var first = CliRun.Of("user", "token", "--db", _db, "--email", "a@example.org").Output.Trim();
        var second = CliRun.Of("user", "token", "--db", _db, "--email", "a@example.org").Output.Trim();
        Assert.NotEqual(first, second);
        Assert.Equal("a@example.org", Users().FindByToken(first)?.Email);
        Assert.Null(Users().FindByToken(first + "x"));
    }

    [Fact]
    public void Token_UnknownUser_IsAUserError()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);
        CliRun.Of("user", "token", "--db", _db, "--email", "nobody@example.org").AssertUserError("no user nobody@example.org");
    }

    [Fact]
    public void TokenRevoke_ByEmail_RevokesEveryTokenOfThatUser()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);
        var tokens = new[] { Token("a@example.org"), Token("a@example.org") };

        var run = CliRun.Of("user", "token", "revoke", "--db", _db, "--email", "A@example.org");

        Assert.Equal((0, "revoked 2 tokens of a@example.org\n"), (run.ExitCode, run.Output.ReplaceLineEndings("\n")));
        Assert.All(tokens, t => Assert.Null(Users().FindByToken(t)));
    }

    [Fact]
    public void TokenRevoke_OneToken_KeepsTheOthers()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);
        var (revoked, kept) = (Token("a@example.org"), Token("a@example.org"));

        var run = CliRun.Of("user", "token", "revoke", "--db", _db, "--token", revoked);

        Assert.Equal((0, "revoked a token of a@example.org"), (run.ExitCode, run.Output.Trim()));
        Assert.Null(Users().FindByToken(revoked));
        Assert.NotNull(Users().FindByToken(kept));
        CliRun.Of("user", "token", "revoke", "--db", _db, "--token", revoked).AssertUserError("no such token");
    }

    [Fact]
    public void TokenRevoke_NeitherOrBothOptions_IsAUserError()
    {
        Assert.Equal(0, CliRun.Of("user", "add", "--db", _db, "--create", "--email", "a@example.org", "--role", "admin").ExitCode);
        CliRun.Of("user", "token", "revoke", "--db", _db).AssertUserError("give either --email");
        CliRun.Of("user", "token", "revoke", "--db", _db, "--email", "a@example.org", "--token", "x").AssertUserError("give either --email");
    }

    [Fact]
    public void DisableThenEnable_StopsAndRestoresSignInAndTokens()
    {
        var added = CliRun.Of("user", "add", "--db", _db, "--create", "--email", "dm@example.org", "--role", "data_manager", "--center", "A");
        var password = added.Output.Split('\n')[1]["password: ".Length..].Trim();
        var token = Token("dm@example.org");

        var disabled = CliRun.Of("user", "disable", "--db", _db, "--email", "DM@example.org");

        Assert.Equal((0, "disabled dm@example.org (data_manager, A)"), (disabled.ExitCode, disabled.Output.Trim()));
        Assert.Equal(SignInOutcome.Disabled, Users().CheckPassword("dm@example.org", password).Outcome);
        Assert.Null(Users().FindByToken(token));

        var enabled = CliRun.Of("user", "enable", "--db", _db, "--email", "dm@example.org");

        Assert.Equal((0, "enabled dm@example.org (data_manager, A)"), (enabled.ExitCode, enabled.Output.Trim()));
        Assert.Equal(SignInOutcome.Succeeded, Users().CheckPassword("dm@example.org", password).Outcome);
        CliRun.Of("user", "disable", "--db", _db, "--email", "nobody@example.org").AssertUserError("no user nobody@example.org");
    }

    private string Token(string email)
    {
        var run = CliRun.Of("user", "token", "--db", _db, "--email", email);
        Assert.Equal(0, run.ExitCode);
        return run.Output.Trim();
    }

    private UserStore Users() => UserStore.Open(_db, IdentityPasswordHashing.Instance);
}
