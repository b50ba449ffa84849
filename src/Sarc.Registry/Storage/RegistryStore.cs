using Sarc.Data;

namespace Sarc.Registry.Storage;

/// <summary>Chooses and opens the store named by a <c>--db</c> value.</summary>
public static class RegistryStore
{
    /// <summary>The database used when no <c>--db</c> is given: <c>sarc.db</c> in the working directory.</summary>
    public const string DefaultPath = "sarc.db";

    /// <summary>
    /// Opens <paramref name="db"/> and applies pending migrations. A <c>postgres://</c> or <c>postgresql://</c> URL, or a
    /// connection string with a <c>Host=</c> (or <c>Server=</c>) key, is PostgreSQL; anything else is a SQLite file path.
    /// </summary>
    /// <exception cref="DataInputException">The database cannot be opened or reached; one line naming it (host and port for PostgreSQL).</exception>
    public static IRegistryStore Open(string db) => OpenSql(db);

    /// <summary>As <see cref="Open"/>, typed for what shares the registry's database inside this assembly (the account tables).</summary>
    internal static SqlRegistryStore OpenSql(string db)
    {
        if (IsPostgres(db))
        {
            return new SqlRegistryStore(PostgresDatabase.Open(db.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(db) : db));
        }
        return new SqlRegistryStore(SqliteDatabase.Open(db));
    }

    /// <summary>
    /// As <see cref="Open"/>, for commands that only read or change what is there (export, endpoints, audit, studies,
    /// the worklist, the web app): a SQLite file that does not exist is a mistyped path, not a new empty registry.
    /// </summary>
    /// <exception cref="DataInputException">The SQLite file does not exist, or the database cannot be opened.</exception>
    public static IRegistryStore OpenExisting(string db)
    {
        RequireExisting(db);
        return Open(db);
    }

    /// <summary>Throws when <paramref name="db"/> is a SQLite path with no file (a PostgreSQL database is checked when connecting).</summary>
    /// <exception cref="DataInputException">The SQLite file does not exist.</exception>
    public static void RequireExisting(string db)
    {
        if (!IsPostgres(db) && !File.Exists(db))
        {
            throw new DataInputException($"database '{db}' does not exist (sarc import creates one)");
        }
    }

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string db)
    {
        if (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var part in db.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0)
            {
                var key = part[..eq].Trim();
                if (key.Equals("host", StringComparison.OrdinalIgnoreCase) || key.Equals("server", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
