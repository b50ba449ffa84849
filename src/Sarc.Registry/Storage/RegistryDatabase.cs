using System.Data;
using System.Data.Common;
using Sarc.Data;

namespace Sarc.Registry.Storage;

/// <summary>
/// One open connection to a registry database and the plain ADO.NET the other storage types run on it: commands,
/// typed row readers and prepared per-row statements, transactions, and the translation of the provider's failures
/// into one-line <see cref="DataInputException"/>s. SQLite and PostgreSQL subclasses supply the connection and their
/// fast paths; <see cref="SchemaMigrator"/> brings the schema up to date when it is opened.
/// </summary>
internal abstract class RegistryDatabase : IDisposable
{
    protected RegistryDatabase(DbConnection connection, string description)
    {
        Connection = connection;
        Description = description;
    }

    /// <summary>Where the data is, for messages: the SQLite path or PostgreSQL host:port/database.</summary>
    public string Description { get; }

    public DbConnection Connection { get; }

    /// <summary>Which migration SQL to run.</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>The schema version after the migrations applied at open.</summary>
    public int SchemaVersion { get; set; }

    public void Dispose() => Connection.Dispose();

    /// <summary>Opens the connection and brings the schema up to date; on failure the database is disposed, so no connection is left open.</summary>
    /// <exception cref="DataInputException">The database cannot be opened, is newer than this program, or a migration failed (nothing of it is kept).</exception>
    public static TDatabase Opened<TDatabase>(TDatabase database) where TDatabase : RegistryDatabase
    {
        try
        {
            database.Guard(() =>
            {
                if (database.Connection.State != ConnectionState.Open)
                {
                    database.Connection.Open();
                }
                database.OnOpened();
                SchemaMigrator.Migrate(database);
                return 0;
            });
        }
        catch
        {
            database.Dispose();
            throw;
        }
        return database;
    }

    /// <summary>Per-connection settings (pragmas).</summary>
    protected virtual void OnOpened()
    {
    }

    /// <summary>The user-facing form of a database failure, or null when it is a bug that should surface as is.</summary>
    protected abstract DataInputException? Translate(Exception exception);

    /// <summary>Runs <paramref name="action"/>, turning the provider's failures into <see cref="DataInputException"/>s.</summary>
    public T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>How long a change waits for another writer to finish before it is refused as busy.</summary>
    public static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Begins a transaction that holds the registry's one write lock until it ends: SQLite's <c>BEGIN IMMEDIATE</c>,
    /// PostgreSQL's transaction-scoped advisory lock. Every change runs in one, so what it reads (stored values, the
    /// audit chain's head, row versions) cannot change before it commits, and changes (and audit entries) follow one
    /// another in the order of their ids. Waits up to <see cref="WriteWait"/> for another writer.
    /// </summary>
    /// <exception cref="DataInputException">(through <see cref="Guard{T}"/>) Another writer held the lock for longer than <see cref="WriteWait"/>.</exception>
    public abstract DbTransaction BeginWrite();

    /// <summary>
    /// A typed reader over <paramref name="sql"/>; SQLite overrides it with its native statement API. Its parameters
    /// (<c>@name</c>, each used once) take <paramref name="values"/> in order of appearance: text, whole numbers or null.
    /// </summary>
    public virtual IRowReader Query(DbTransaction? tx, string sql, params object?[] values)
    {
        var command = Create(tx, sql);
        var names = ParameterNames(sql);
        if (names.Count != values.Length)
        {
            command.Dispose();
            throw new ArgumentException($"{names.Count} parameters in the query, {values.Length} values given.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return new AdoRowReader(command, command.ExecuteReader());
    }

    /// <summary>A prepared per-row statement (parameters <c>@name</c> in order); SQLite and PostgreSQL override it with their fast paths.</summary>
    public virtual IRowCommand PrepareRow(DbTransaction tx, string sql, IReadOnlyList<DbType> types) =>
        new AdoRowCommand(Connection, tx, sql, ParameterNames(sql), types);

    /// <summary>Whether <see cref="BeginCopy"/> bulk-loads tables (PostgreSQL's binary COPY).</summary>
    public virtual bool CanCopy => false;

    /// <summary>
    /// A bulk load of <paramref name="columns"/> of <paramref name="table"/> inside <paramref name="tx"/>, ended by
    /// <see cref="IRowCopy.Complete"/>; rows queued by <see cref="PrepareRow"/> statements must be flushed first
    /// (<see cref="FlushRows"/>), and the connection runs nothing else until the copy is disposed.
    /// </summary>
    /// <exception cref="NotSupportedException">The store cannot (<see cref="CanCopy"/> is false).</exception>
    public virtual IRowCopy BeginCopy(DbTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<DbType> types) =>
        throw new NotSupportedException("This store writes row by row.");

    /// <summary>Whether <see cref="QueryOnNewConnection"/> may run queries at the same time as this connection's (SQLite in WAL mode).</summary>
    public virtual bool CanReadInParallel => false;

    /// <summary>A typed reader over <paramref name="sql"/> on a new read-only connection, closed with the reader; for parallel loads.</summary>
    /// <exception cref="NotSupportedException">The store cannot (<see cref="CanReadInParallel"/> is false).</exception>
    public virtual IRowReader QueryOnNewConnection(string sql) => throw new NotSupportedException("This store reads on one connection.");

    /// <summary>Sends rows a store may have queued; called before commit.</summary>
    public virtual void FlushRows(DbTransaction tx)
    {
    }

    public void Execute(DbTransaction? tx, string sql)
    {
        using var command = Create(tx, sql);
        command.ExecuteNonQuery();
    }

    public long Scalar(DbTransaction? tx, string sql)
    {
        using var command = Create(tx, sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public DbCommand Create(DbTransaction? tx, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = DbCommands.Create(Connection, tx, sql);
        foreach (var (name, type) in parameters)
        {
            DbCommands.Add(command, name, null, type);
        }
        return command;
    }

    private static List<string> ParameterNames(string sql)
    {
        var names = new List<string>();
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '@')
            {
                var j = i + 1;
                while (j < sql.Length && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '_'))
                {
                    j++;
                }
                names.Add(sql[i..j]);
                i = j;
            }
        }
        return names;
    }
}
