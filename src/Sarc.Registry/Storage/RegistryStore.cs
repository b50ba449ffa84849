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
    public static IRegistryStore Open(string db)
    {
        if (IsPostgres(db))
        {
            return PostgresRegistryStore.Open(db.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(db) : db);
        }
        return SqliteRegistryStore.Open(db);
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
