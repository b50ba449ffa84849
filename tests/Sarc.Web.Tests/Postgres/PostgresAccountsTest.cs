using System.Net;
using Npgsql;
using Sarc.Data;
using Sarc.Registry.Audit;
using Sarc.Registry.Tests.Storage;
using Sarc.Web.Accounts;

namespace Sarc.Web.Tests.Postgres;

/// <summary>
/// The account tables (UserStore) and the web app on a real PostgreSQL server, one fresh database per test: the same
/// behaviour as on SQLite (users, centers, password check, lockout, tokens stored as hashes).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountsTest(PostgresServer server)
{
    [Fact]
    public void AddUser_ThenFind_KeepsRoleAndCentersAndLowerCasesTheEmail()
    {
        var users = UserStore.Open(server.CreateDatabase());

        users.AddUser("DM@Example.org", UserRole.DataManager, ["B", "A", "B"], WebHarness.Password);

        Assert.Equal(("dm@example.org", UserRole.DataManager), (users.Find("DM@EXAMPLE.org")!.Email, users.Find("dm@example.org")!.Role));
        Assert.Equal(["A", "B"], users.Find("dm@example.org")!.Centers);
        Assert.Null(users.Find("nobody@example.org"));
        Assert.Equal("user dm@example.org already exists",
            Assert.Throws<DataInputException>(() => users.AddUser("dm@example.org", UserRole.Admin, [], WebHarness.Password)).Message);
    }

    [Fact]
    public void CheckPassword_RightAndWrong()
    {
        var users = UserStore.Open(server.CreateDatabase());
        users.AddUser("inv@example.org", UserRole.Investigator, ["A"], WebHarness.Password);

        Assert.Equal(SignInOutcome.Succeeded, users.CheckPassword("INV@example.org", WebHarness.Password).Outcome);
        Assert.Equal((SignInOutcome.Failed, (WebUser?)null), users.CheckPassword("inv@example.org", "wrong-password"));
        Assert.Equal(SignInOutcome.Failed, users.CheckPassword("nobody@example.org", WebHarness.Password).Outcome);
    }

    [Fact]
    public void CheckPassword_FiveFailures_LockForFifteenMinutesThenAllow()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var users = UserStore.Open(server.CreateDatabase(), clock);
        users.AddUser("dm@example.org", UserRole.DataManager, ["A"], WebHarness.Password);

        var outcomes = Enumerable.Range(0, 5).Select(_ => users.CheckPassword("dm@example.org", "wrong-password").Outcome).ToList();

        Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut], outcomes);
        Assert.Equal(SignInOutcome.LockedOut, users.CheckPassword("dm@example.org", WebHarness.Password).Outcome);
        clock.Now += UserStore.LockoutDuration - TimeSpan.FromSeconds(1);
        Assert.Equal(SignInOutcome.LockedOut, users.CheckPassword("dm@example.org", WebHarness.Password).Outcome);
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(SignInOutcome.Succeeded, users.CheckPassword("dm@example.org", WebHarness.Password).Outcome);
    }

    [Fact]
    public void CreateToken_FindsItsUserAndStoresOnlyTheHash()
    {
        var db = server.CreateDatabase();
        var users = UserStore.Open(db);
        users.AddUser("admin@example.org", UserRole.Admin, [], WebHarness.Password);

        var token = users.CreateToken("admin@example.org");

        Assert.Equal("admin@example.org", users.FindByToken(token)!.Email);
        Assert.Null(users.FindByToken(token + "x"));
        using var connection = new NpgsqlConnection(db);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM web_token WHERE sha256 = @t OR sha256 LIKE '%' || @t || '%'", connection);
        command.Parameters.AddWithValue("t", token);
        Assert.Equal(0L, command.ExecuteScalar());
        Assert.Throws<DataInputException>(() => users.CreateToken("nobody@example.org"));
    }

    [Fact]
    public async Task WebApp_OnPostgres_SignsInRecordsAnEventWithReasonAndKeepsOtherCentersOut()
    {
        await using var web = await WebHarness.StartAsync(server.CreateDatabase());
        var manager = await web.SignedIn("dm@t.org");

        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = "MRI" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var changes = web.Audit("PA2").Skip(1).ToList();
        Assert.All(changes, e => Assert.Equal(("dm@t.org", "MRI"), (e.Who, e.Reason!)));
        Assert.Equal(["event", "followup"], changes.Select(e => e.Entity));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/patients/PB1")).StatusCode);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
