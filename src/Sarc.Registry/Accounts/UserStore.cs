using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sarc.Data;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Accounts;

/// <summary>
/// Accounts and API tokens of the web app, kept in the registry's own database (SQLite or PostgreSQL, the same
/// <c>--db</c> value) in the tables <c>web_user</c>, <c>web_user_center</c> and <c>web_token</c> of schema migration 4.
/// Passwords are kept only as hashes made by the <see cref="IPasswordHashing"/> the caller supplies; tokens only as
/// their SHA-256. <see cref="MaxFailedLogins"/> failed logins in a row lock the account for <see cref="LockoutDuration"/>.
/// Each call opens the registry (so its migrations apply) and closes it again; the store may be shared between threads.
/// </summary>
public sealed class UserStore
{
    /// <summary>Failed logins in a row that lock an account.</summary>
    public const int MaxFailedLogins = 5;

    /// <summary>The shortest password <see cref="AddUser"/> accepts.</summary>
    public const int MinPasswordLength = 8;

    /// <summary>How long a locked account refuses logins.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private readonly string _db;
    private readonly IPasswordHashing _hashing;
    private readonly TimeProvider _clock;

    // A hash of a random password, checked for an unknown e-mail so that it costs the same time as a known one.
    private readonly Lazy<string> _dummyHash;

    // Failed logins of e-mails that have no account, counted as a known account's are, so that an unknown e-mail is
    // "locked" after as many failures as a known one (the message would otherwise tell the two apart). In memory:
    // nothing is written for e-mails that do not exist.
    private readonly Dictionary<string, (int Failed, DateTimeOffset? LockedUntil)> _unknown = new(StringComparer.Ordinal);
    private readonly Lock _unknownGate = new();

    private UserStore(string db, IPasswordHashing hashing, TimeProvider clock)
    {
        _db = db;
        _hashing = hashing;
        _clock = clock;
        _dummyHash = new Lazy<string>(() => hashing.Hash(RandomNumberGenerator.GetHexString(32)));
    }

    /// <summary>
    /// The accounts of the existing registry <paramref name="db"/> (its migrations, which create the account tables,
    /// are applied now). A SQLite path with no file is refused: accounts are never the first thing in a new registry
    /// by accident (a mistyped <c>--db</c>); create the registry first (<c>sarc user add --create</c> does).
    /// </summary>
    /// <exception cref="DataInputException">The SQLite file does not exist, or the database cannot be opened.</exception>
    public static UserStore Open(string db, IPasswordHashing hashing, TimeProvider? clock = null)
    {
        RegistryStore.RequireExisting(db);
        using (RegistryStore.OpenSql(db))
        {
        }
        return new UserStore(db, hashing, clock ?? TimeProvider.System);
    }

    /// <summary>The <c>--db</c> value this store uses.</summary>
    public string Database => _db;

    /// <summary>Creates an account. An e-mail is case-insensitive: it is stored lower-case.</summary>
    /// <exception cref="DataInputException">The e-mail is empty or taken, the password shorter than <see cref="MinPasswordLength"/> characters, or a non-admin has no center.</exception>
    public WebUser AddUser(string email, UserRole role, IReadOnlyList<string> centers, string password)
    {
        email = Normalize(email);
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new DataInputException($"'{email}' is not an e-mail address");
        }
        if (password.Length < MinPasswordLength)
        {
            throw new DataInputException($"the password needs at least {MinPasswordLength} characters");
        }
        if (role != UserRole.Admin && centers.Count == 0)
        {
            throw new DataInputException($"the role {UserRoles.Code(role)} needs at least one --center");
        }
        if (Find(email) is not null)
        {
            throw new DataInputException($"user {email} already exists");
        }
        var user = new WebUser(email, role, [.. centers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]) { SecurityStamp = NewStamp() };
        var hash = _hashing.Hash(password);
        return Run(connection =>
        {
            using var transaction = connection.BeginTransaction();
            DbCommands.Execute(connection, transaction, "INSERT INTO web_user (email, role, password_hash, failed_logins, locked_until, disabled, security_stamp) VALUES (@e, @r, @h, 0, NULL, 0, @s)",
                ("e", email), ("r", UserRoles.Code(role)), ("h", hash), ("s", user.SecurityStamp));
            foreach (var center in user.Centers)
            {
                DbCommands.Execute(connection, transaction, "INSERT INTO web_user_center (email, center) VALUES (@e, @c)", ("e", email), ("c", center));
            }
            transaction.Commit();
            return user;
        });
    }

    /// <summary>The account of <paramref name="email"/> (disabled or not), or null.</summary>
    public WebUser? Find(string email)
    {
        email = Normalize(email);
        return Run(connection => Read(connection, email)?.User);
    }

    /// <summary>
    /// Checks a password and keeps the lockout count: a success resets it, the <see cref="MaxFailedLogins"/>th failure in
    /// a row locks the account. A locked account fails even with the right password. An e-mail without an account gets
    /// exactly the outcomes of a known one whose password is wrong (failed, then locked after as many tries, for as
    /// long), and every call checks exactly one hash (a dummy one for an unknown e-mail), so neither the answer nor the
    /// time taken tells whether the e-mail exists.
    /// </summary>
    public (SignInOutcome Outcome, WebUser? User) CheckPassword(string email, string password)
    {
        email = Normalize(email);
        return Run(connection =>
        {
            var stored = Read(connection, email);
            var now = _clock.GetUtcNow();
            if (stored is null)
            {
                _hashing.Verify(_dummyHash.Value, password);
                return (UnknownFailure(email, now), (WebUser?)null);
            }
            var right = _hashing.Verify(stored.PasswordHash, password);
            if (stored.LockedUntil is { } until && until > now)
            {
                return (SignInOutcome.LockedOut, null);
            }
            if (!right)
            {
                var failed = stored.FailedLogins + 1;
                var locks = failed >= MaxFailedLogins;
                DbCommands.Execute(connection, null, "UPDATE web_user SET failed_logins = @f, locked_until = @l WHERE email = @e",
                    ("f", locks ? 0 : failed), ("l", locks ? Timestamp(now + LockoutDuration) : null), ("e", email));
                return (locks ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
            }
            if (stored.User.Disabled)
            {
                return (SignInOutcome.Disabled, null);
            }
            DbCommands.Execute(connection, null, "UPDATE web_user SET failed_logins = 0, locked_until = NULL WHERE email = @e", ("e", email));
            return (SignInOutcome.Succeeded, stored.User);
        });
    }

    /// <summary>The lockout rule of <see cref="CheckPassword"/> applied to an e-mail without an account: the same outcomes a wrong password of a known one gets.</summary>
    private SignInOutcome UnknownFailure(string email, DateTimeOffset now)
    {
        lock (_unknownGate)
        {
            var (failed, lockedUntil) = _unknown.GetValueOrDefault(email);
            if (lockedUntil is { } until && until > now)
            {
                return SignInOutcome.LockedOut;
            }
            if (_unknown.Count >= 10_000)
            {
                // Bounded memory under a spray of made-up e-mails: forget what no longer locks anything.
                foreach (var key in _unknown.Where(e => e.Value.LockedUntil is not { } u || u <= now).Select(e => e.Key).ToList())
                {
                    _unknown.Remove(key);
                }
            }
            failed++;
            var locks = failed >= MaxFailedLogins;
            _unknown[email] = locks ? (0, now + LockoutDuration) : (failed, null);
            return locks ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }
    }

    /// <summary>
    /// Disables (<paramref name="disabled"/> true) or enables an account and gives it a new security stamp, so that its
    /// signed-in sessions end at their next request. A disabled account cannot sign in and its tokens are refused;
    /// enabling also clears a lockout.
    /// </summary>
    /// <exception cref="DataInputException">No such user.</exception>
    public WebUser SetDisabled(string email, bool disabled)
    {
        email = Normalize(email);
        return Run(connection =>
        {
            var stamp = NewStamp();
            var changed = DbCommands.Execute(connection, null, "UPDATE web_user SET disabled = @d, security_stamp = @s, failed_logins = 0, locked_until = NULL WHERE email = @e",
                ("d", disabled ? 1 : 0), ("s", stamp), ("e", email));
            if (changed == 0)
            {
                throw new DataInputException($"no user {email}");
            }
            return Read(connection, email)!.User;
        });
    }

    /// <summary>A new random API token for <paramref name="email"/>; only its SHA-256 is stored, so it is shown once.</summary>
    /// <exception cref="DataInputException">No such user.</exception>
    public string CreateToken(string email)
    {
        email = Normalize(email);
        var token = "sarc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Run(connection =>
        {
            if (Read(connection, email) is null)
            {
                throw new DataInputException($"no user {email}");
            }
            DbCommands.Execute(connection, null, "INSERT INTO web_token (sha256, email, created) VALUES (@s, @e, @c)",
                ("s", Sha256(token)), ("e", email), ("c", Timestamp(_clock.GetUtcNow())));
            return token;
        });
    }

    /// <summary>The user a bearer <paramref name="token"/> belongs to, or null when it is unknown, revoked or its user is disabled.</summary>
    public WebUser? FindByToken(string token) => Run(connection =>
    {
        using var command = DbCommands.Create(connection, null, "SELECT email FROM web_token WHERE sha256 = @s", ("s", Sha256(token)));
        return command.ExecuteScalar() is string email && Read(connection, email)?.User is { Disabled: false } user ? user : null;
    });

    /// <summary>Revokes every API token of <paramref name="email"/>; returns how many there were.</summary>
    /// <exception cref="DataInputException">No such user.</exception>
    public int RevokeTokens(string email)
    {
        email = Normalize(email);
        return Run(connection => Read(connection, email) is null
            ? throw new DataInputException($"no user {email}")
            : DbCommands.Execute(connection, null, "DELETE FROM web_token WHERE email = @e", ("e", email)));
    }

    /// <summary>Revokes one API token, given as issued; returns the e-mail it belonged to, or null when no such token exists.</summary>
    public string? RevokeToken(string token) => Run(connection =>
    {
        var hash = Sha256(token.Trim());
        using var command = DbCommands.Create(connection, null, "SELECT email FROM web_token WHERE sha256 = @s", ("s", hash));
        if (command.ExecuteScalar() is not string email)
        {
            return null;
        }
        DbCommands.Execute(connection, null, "DELETE FROM web_token WHERE sha256 = @s", ("s", hash));
        return email;
    });

    /// <summary>A random password of 20 URL-safe characters for <c>sarc user add</c> without <c>SARC_PASSWORD</c>.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    private T Run<T>(Func<DbConnection, T> action)
    {
        using var store = RegistryStore.OpenSql(_db);
        return store.OnConnection(action);
    }

    private static Stored? Read(DbConnection connection, string email)
    {
        string role, hash, stamp;
        int failed;
        bool disabled;
        DateTimeOffset? lockedUntil;
        using (var command = DbCommands.Create(connection, null, "SELECT role, password_hash, failed_logins, locked_until, disabled, security_stamp FROM web_user WHERE email = @e", ("e", email)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }
            role = reader.GetString(0);
            hash = reader.GetString(1);
            failed = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            lockedUntil = reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture);
            disabled = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture) != 0;
            stamp = reader.GetString(5);
        }
        var centers = new List<string>();
        using (var command = DbCommands.Create(connection, null, "SELECT center FROM web_user_center WHERE email = @e ORDER BY center", ("e", email)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                centers.Add(reader.GetString(0));
            }
        }
        var user = new WebUser(email, UserRoles.Parse(role), centers) { SecurityStamp = stamp, Disabled = disabled };
        return new Stored(user, hash, failed, lockedUntil);
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static string NewStamp() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    private static string Timestamp(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One account as stored, with what only the password check needs.</summary>
    private sealed record Stored(WebUser User, string PasswordHash, int FailedLogins, DateTimeOffset? LockedUntil);
}
