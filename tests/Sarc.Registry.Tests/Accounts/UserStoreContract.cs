using System.Data.Common;
using Sarc.Data;
using Sarc.Registry.Accounts;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Accounts;

/// <summary>
/// The account tables' behaviour, the same on SQLite and PostgreSQL: users and centers, the password check (one hash
/// checked on every path, lockout), disabling, tokens and their revocation, and migration 4 over a registry whose
/// account tables were made by the web app before they were part of the migrations.
/// </summary>
public abstract class UserStoreContract
{
    protected const string Password = "correct-horse-1";

    /// <summary>A --db value of a new, empty registry.</summary>
    protected abstract string NewRegistry();

    /// <summary>A connection to <paramref name="db"/> bypassing the store, to set up or inspect what Sarc would not write.</summary>
    protected abstract DbConnection Connect(string db);

    [Fact]
    public void AddUser_ThenFind_KeepsRoleAndSortedCentersAndLowerCasesTheEmail()
    {
        var users = Open(NewRegistry());

        users.AddUser("DM@Example.org", UserRole.DataManager, ["B", "A", "B"], Password);

        var found = users.Find("dm@EXAMPLE.org")!;
        Assert.Equal(("dm@example.org", UserRole.DataManager, false), (found.Email, found.Role, found.Disabled));
        Assert.Equal(["A", "B"], found.Centers);
        Assert.Equal(32, found.SecurityStamp.Length);
        Assert.Null(users.Find("nobody@example.org"));
        Assert.Equal("user dm@example.org already exists",
            Assert.Throws<DataInputException>(() => users.AddUser("dm@example.org", UserRole.Admin, [], Password)).Message);
    }

    [Fact]
    public void CheckPassword_UnknownWrongLockedOrRight_ChecksExactlyOneHashEachTime()
    {
        // The time of a login is the time of its hash check: one check on every path means an unknown e-mail takes as
        // long as a known one, so timing does not reveal which e-mails have accounts.
        var hashing = new CountingHashing();
        var users = UserStore.Open(NewRegistry(), hashing);
        users.AddUser("inv@example.org", UserRole.Investigator, ["A"], Password);
        var attempts = new (string Email, string Password, SignInOutcome Expected)[]
        {
            ("nobody@example.org", Password, SignInOutcome.Failed),
            ("inv@example.org", "wrong-password", SignInOutcome.Failed),
            ("inv@example.org", Password, SignInOutcome.Succeeded),
        };

        foreach (var (email, password, expected) in attempts)
        {
            var before = hashing.Verified;
            Assert.Equal(expected, users.CheckPassword(email, password).Outcome);
            Assert.Equal(before + 1, hashing.Verified);
        }
        for (var i = 0; i < UserStore.MaxFailedLogins; i++)
        {
            users.CheckPassword("inv@example.org", "wrong-password");
        }
        var locked = hashing.Verified;
        Assert.Equal(SignInOutcome.LockedOut, users.CheckPassword("inv@example.org", Password).Outcome);
        Assert.Equal(locked + 1, hashing.Verified);
    }

    [Fact]
    public void CheckPassword_FiveFailures_LockForFifteenMinutesThenAllow()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var users = UserStore.Open(NewRegistry(), new CountingHashing(), clock);
        users.AddUser("dm@example.org", UserRole.DataManager, ["A"], Password);

        var outcomes = Enumerable.Range(0, 5).Select(_ => users.CheckPassword("dm@example.org", "wrong-password").Outcome).ToList();

        Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut], outcomes);
        clock.Now += UserStore.LockoutDuration - TimeSpan.FromSeconds(1);
        Assert.Equal(SignInOutcome.LockedOut, users.CheckPassword("dm@example.org", Password).Outcome);
        clock.Now += TimeSpan.FromSeconds(2);
        Assert.Equal(SignInOutcome.Succeeded, users.CheckPassword("dm@example.org", Password).Outcome);
    }

    [Fact]
    public void CheckPassword_UnknownEmail_LocksAfterAsManyFailuresAndForAsLongAsAKnownOne()
    {
        // The lockout message used to appear for real accounts only, which told an attacker which e-mails exist.
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var users = UserStore.Open(NewRegistry(), new CountingHashing(), clock);
        users.AddUser("known@example.org", UserRole.DataManager, ["A"], Password);

        foreach (var email in new[] { "known@example.org", "nobody@example.org" })
        {
            var outcomes = Enumerable.Range(0, 6).Select(_ => users.CheckPassword(email, "wrong-password").Outcome).ToList();
            Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut, SignInOutcome.LockedOut], outcomes);
        }
        clock.Now += UserStore.LockoutDuration + TimeSpan.FromSeconds(1);
        Assert.Equal(SignInOutcome.Failed, users.CheckPassword("known@example.org", "wrong-password").Outcome);
        Assert.Equal(SignInOutcome.Failed, users.CheckPassword("nobody@example.org", "wrong-password").Outcome);
    }

    [Fact]
    public void SetDisabled_RefusesSignInAndTokensAndChangesTheStamp_EnableRestoresSignIn()
    {
        var users = Open(NewRegistry());
        var added = users.AddUser("dm@example.org", UserRole.DataManager, ["A"], Password);
        var token = users.CreateToken("dm@example.org");

        var disabled = users.SetDisabled("DM@example.org", disabled: true);

        Assert.True(disabled.Disabled);
        Assert.NotEqual(added.SecurityStamp, disabled.SecurityStamp);
        Assert.Equal(SignInOutcome.Disabled, users.CheckPassword("dm@example.org", Password).Outcome);
        Assert.Equal(SignInOutcome.Failed, users.CheckPassword("dm@example.org", "wrong-password").Outcome);
        Assert.Null(users.FindByToken(token));

        var enabled = users.SetDisabled("dm@example.org", disabled: false);

        Assert.False(enabled.Disabled);
        Assert.NotEqual(disabled.SecurityStamp, enabled.SecurityStamp);
        Assert.Equal(SignInOutcome.Succeeded, users.CheckPassword("dm@example.org", Password).Outcome);
        Assert.Equal("dm@example.org", users.FindByToken(token)!.Email);
        Assert.Equal("no user nobody@example.org", Assert.Throws<DataInputException>(() => users.SetDisabled("nobody@example.org", true)).Message);
    }

    [Fact]
    public void CreateToken_FindsItsUserAndStoresOnlyTheHash()
    {
        var db = NewRegistry();
        var users = Open(db);
        users.AddUser("admin@example.org", UserRole.Admin, [], Password);

        var token = users.CreateToken("admin@example.org");

        Assert.Equal("admin@example.org", users.FindByToken(token)!.Email);
        Assert.Null(users.FindByToken(token + "x"));
        using var connection = Connect(db);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256 FROM web_token";
        var stored = (string)command.ExecuteScalar()!;
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.Equal(64, stored.Length);
        Assert.Equal("no user nobody@example.org", Assert.Throws<DataInputException>(() => users.CreateToken("nobody@example.org")).Message);
    }

    [Fact]
    public void RevokeTokens_EveryTokenOfThatUserOnly()
    {
        var users = Open(NewRegistry());
        users.AddUser("a@example.org", UserRole.Admin, [], Password);
        users.AddUser("b@example.org", UserRole.Admin, [], Password);
        var (a1, a2, b) = (users.CreateToken("a@example.org"), users.CreateToken("a@example.org"), users.CreateToken("b@example.org"));

        Assert.Equal(2, users.RevokeTokens("A@example.org"));

        Assert.Null(users.FindByToken(a1));
        Assert.Null(users.FindByToken(a2));
        Assert.Equal("b@example.org", users.FindByToken(b)!.Email);
        Assert.Equal(0, users.RevokeTokens("a@example.org"));
    }

    [Fact]
    public void RevokeToken_ThatTokenOnly()
    {
        var users = Open(NewRegistry());
        users.AddUser("a@example.org", UserRole.Admin, [], Password);
        var (first, second) = (users.CreateToken("a@example.org"), users.CreateToken("a@example.org"));

        Assert.Equal("a@example.org", users.RevokeToken(first));

        Assert.Null(users.FindByToken(first));
        Assert.Equal("a@example.org", users.FindByToken(second)!.Email);
        Assert.Null(users.RevokeToken(first));
    }

    [Fact]
    public void Migration4_RegistryWithTheWebAppsOwnAccountTables_KeepsItsAccountsAndTokens()
    {
        // Before migration 4 the web app created these tables itself (CREATE TABLE IF NOT EXISTS) at start.
        var db = NewRegistry();
        using (var connection = Connect(db))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE web_token; DROP TABLE web_user_center; DROP TABLE web_user; DELETE FROM schema_migrations WHERE version = 4; " + """
                CREATE TABLE web_user (email TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL, locked_until TEXT);
                CREATE TABLE web_user_center (email TEXT NOT NULL REFERENCES web_user(email), center TEXT NOT NULL, PRIMARY KEY (email, center));
                CREATE TABLE web_token (sha256 TEXT PRIMARY KEY, email TEXT NOT NULL REFERENCES web_user(email), created TEXT NOT NULL);
                INSERT INTO web_user VALUES ('old@example.org', 'data_manager', 'plain:correct-horse-1', 2, NULL);
                INSERT INTO web_user_center VALUES ('old@example.org', 'B');
                INSERT INTO web_token VALUES ('7c8c5c3d0f7d2f8b7d2b5e0d7e6a1f0e9d8c7b6a5f4e3d2c1b0a998877665544', 'old@example.org', '2025-01-01T00:00:00Z');
                """;
            command.ExecuteNonQuery();
        }

        using (var store = RegistryStore.Open(db))
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
        }
        var users = Open(db);

        var old = users.Find("old@example.org")!;
        Assert.Equal((UserRole.DataManager, false, ""), (old.Role, old.Disabled, old.SecurityStamp));
        Assert.Equal(["B"], old.Centers);
        Assert.Equal(SignInOutcome.Succeeded, users.CheckPassword("old@example.org", Password).Outcome);
        Assert.Equal(1, users.RevokeTokens("old@example.org"));
        Assert.NotEqual("", users.SetDisabled("old@example.org", disabled: true).SecurityStamp);
    }

    protected static UserStore Open(string db) => UserStore.Open(db, new CountingHashing());

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
