using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sarc.Data;
using Sarc.Registry.Storage;

namespace Sarc.Web.Accounts;

/// <summary>
/// Accounts and API tokens, kept in the registry's own database (SQLite or PostgreSQL, the same <c>--db</c> value) in
/// the tables <c>web_user</c>, <c>web_user_center</c> and <c>web_token</c>, created when missing. Passwords are hashed
/// with ASP.NET Core Identity's default <see cref="PasswordHasher{TUser}"/> (PBKDF2); tokens are stored only as their
/// SHA-256. Five failed logins in a row lock the account for <see cref="LockoutDuration"/>.
/// </summary>
public sealed class UserStore
{
    /// <summary>Failed logins in a row that lock an account.</summary>
    public const int MaxFailedLogins = 5;

    /// <summary>How long a locked account refuses logins.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS web_user (
            email TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            failed_logins INTEGER NOT NULL,
            locked_until TEXT);
        CREATE TABLE IF NOT EXISTS web_user_center (
            email TEXT NOT NULL REFERENCES web_user(email),
            center TEXT NOT NULL,
            PRIMARY KEY (email, center));
        CREATE TABLE IF NOT EXISTS web_token (
            sha256 TEXT PRIMARY KEY,
            email TEXT NOT NULL REFERENCES web_user(email),
            created TEXT NOT NULL);
        """;

    private static readonly PasswordHasher<WebUser> Hasher = new();
    private readonly string _db;
    private readonly TimeProvider _clock;

    private UserStore(string db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    /// <summary>Opens the registry <paramref name="db"/> (applying its migrations) and creates the account tables when missing.</summary>
    /// <exception cref="DataInputException">The database cannot be opened.</exception>
    public static UserStore Open(string db, TimeProvider? clock = null)
    {
        using (RegistryStore.Open(db))
        {
        }
        var store = new UserStore(db, clock ?? TimeProvider.System);
        using var connection = store.Connect();
        foreach (var statement in Schema.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Execute(connection, statement);
        }
        return store;
    }

    /// <summary>The <c>--db</c> value this store uses.</summary>
    public string Database => _db;

    /// <summary>Creates an account. An email is case-insensitive: it is stored lower-case.</summary>
    /// <exception cref="DataInputException">The email is empty or taken, the password shorter than 8 characters, or a non-admin has no center.</exception>
    public WebUser AddUser(string email, UserRole role, IReadOnlyList<string> centers, string password)
    {
        email = Normalize(email);
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            throw new DataInputException($"'{email}' is not an e-mail address");
        }
        if (password.Length < 8)
        {
            throw new DataInputException("the password needs at least 8 characters");
        }
        if (role != UserRole.Admin && centers.Count == 0)
        {
            throw new DataInputException($"the role {UserRoles.Code(role)} needs at least one --center");
        }
        if (Find(email) is not null)
        {
            throw new DataInputException($"user {email} already exists");
        }
        var user = new WebUser(email, role, [.. centers.Distinct(StringComparer.Ordinal)]);
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "INSERT INTO web_user (email, role, password_hash, failed_logins, locked_until) VALUES (@e, @r, @h, 0, NULL)",
            transaction, ("e", email), ("r", UserRoles.Code(role)), ("h", Hasher.HashPassword(user, password)));
        foreach (var center in user.Centers)
        {
            Execute(connection, "INSERT INTO web_user_center (email, center) VALUES (@e, @c)", transaction, ("e", email), ("c", center));
        }
        transaction.Commit();
        return user;
    }

    /// <summary>The account of <paramref name="email"/>, or null.</summary>
    public WebUser? Find(string email)
    {
        email = Normalize(email);
        using var connection = Connect();
        string? role = null;
        using (var command = Command(connection, "SELECT role FROM web_user WHERE email = @e", null, ("e", email)))
        {
            role = command.ExecuteScalar() as string;
        }
        if (role is null)
        {
            return null;
        }
        var centers = new List<string>();
        using (var command = Command(connection, "SELECT center FROM web_user_center WHERE email = @e ORDER BY center", null, ("e", email)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                centers.Add(reader.GetString(0));
            }
        }
        return new WebUser(email, UserRoles.Parse(role), centers);
    }

    /// <summary>
    /// Checks a password and keeps the lockout count: a success resets it, the <see cref="MaxFailedLogins"/>th failure in a
    /// row locks the account. A locked account fails even with the right password.
    /// </summary>
    public (SignInOutcome Outcome, WebUser? User) CheckPassword(string email, string password)
    {
        email = Normalize(email);
        var user = Find(email);
        if (user is null)
        {
            return (SignInOutcome.Failed, null);
        }
        using var connection = Connect();
        string hash;
        int failed;
        string? lockedUntil;
        using (var command = Command(connection, "SELECT password_hash, failed_logins, locked_until FROM web_user WHERE email = @e", null, ("e", email)))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            hash = reader.GetString(0);
            failed = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            lockedUntil = reader.IsDBNull(2) ? null : reader.GetString(2);
        }
        var now = _clock.GetUtcNow();
        if (lockedUntil is not null && DateTimeOffset.Parse(lockedUntil, CultureInfo.InvariantCulture) > now)
        {
            return (SignInOutcome.LockedOut, null);
        }
        if (Hasher.VerifyHashedPassword(user, hash, password) == PasswordVerificationResult.Failed)
        {
            failed++;
            var lockUntil = failed >= MaxFailedLogins ? (now + LockoutDuration).ToString("O", CultureInfo.InvariantCulture) : null;
            Execute(connection, "UPDATE web_user SET failed_logins = @f, locked_until = @l WHERE email = @e", null,
                ("f", failed >= MaxFailedLogins ? 0 : failed), ("l", lockUntil), ("e", email));
            return (lockUntil is null ? SignInOutcome.Failed : SignInOutcome.LockedOut, null);
        }
        Execute(connection, "UPDATE web_user SET failed_logins = 0, locked_until = NULL WHERE email = @e", null, ("e", email));
        return (SignInOutcome.Succeeded, user);
    }

    /// <summary>A new random API token for <paramref name="email"/>; only its SHA-256 is stored, so it is shown once.</summary>
    /// <exception cref="DataInputException">No such user.</exception>
    public string CreateToken(string email)
    {
        email = Normalize(email);
        if (Find(email) is null)
        {
            throw new DataInputException($"no user {email}");
        }
        var token = "sarc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var connection = Connect();
        Execute(connection, "INSERT INTO web_token (sha256, email, created) VALUES (@s, @e, @c)", null,
            ("s", Sha256(token)), ("e", email), ("c", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        return token;
    }

    /// <summary>The user a bearer <paramref name="token"/> belongs to, or null when it is unknown.</summary>
    public WebUser? FindByToken(string token)
    {
        using var connection = Connect();
        using var command = Command(connection, "SELECT email FROM web_token WHERE sha256 = @s", null, ("s", Sha256(token)));
        return command.ExecuteScalar() is string email ? Find(email) : null;
    }

    /// <summary>A random password of 20 URL-safe characters for <c>sarc user add</c> without <c>SARC_PASSWORD</c>.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private DbConnection Connect()
    {
        DbConnection connection = RegistryStore.IsPostgres(_db) ? new NpgsqlConnection(PostgresConnectionString(_db)) : new SqliteConnection($"Data Source={_db}");
        try
        {
            connection.Open();
        }
        catch (DbException exception)
        {
            connection.Dispose();
            throw new DataInputException($"cannot open the account tables in {_db}: {exception.Message}");
        }
        return connection;
    }

    private static string PostgresConnectionString(string db)
    {
        if (!db.Contains("://", StringComparison.Ordinal))
        {
            return db;
        }
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return builder.ConnectionString;
    }

    private static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    private static void Execute(DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, transaction, parameters);
        command.ExecuteNonQuery();
    }
}
