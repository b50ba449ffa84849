using System.Net.Sockets;
using Npgsql;
using Sarc.Data;

namespace Sarc.Registry.Storage;

/// <summary>The registry in a PostgreSQL database (the database must exist; the tables are created by the migrations).</summary>
internal sealed class PostgresDatabase : RegistryDatabase
{
    private readonly string hostPort;
    private readonly string database;
    private readonly string? user;
    private PostgresRowBatch? batch;
    private System.Data.Common.DbTransaction? batchTransaction;

    private readonly bool copy;

    private PostgresDatabase(NpgsqlConnection connection, string hostPort, string database, string? user, bool copy)
        : base(connection, $"PostgreSQL {hostPort}/{database}")
    {
        this.hostPort = hostPort;
        this.database = database;
        this.user = user;
        this.copy = copy;
    }

    /// <summary>
    /// Opens the registry. <paramref name="copy"/> false writes new patients and audit records row by row, as before
    /// binary COPY (<see cref="CanCopy"/>): for the tests and the benchmark that compare the two paths.
    /// </summary>
    /// <exception cref="DataInputException">A bad connection string, an unreachable server (naming host and port), a refused login, a missing database.</exception>
    public static PostgresDatabase Open(string connectionString, bool copy = true)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DataInputException($"PostgreSQL connection string: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }
        var host = builder.Host ?? "localhost";
        var hostPort = $"{host}:{builder.Port}";
        return Opened(new PostgresDatabase(new NpgsqlConnection(builder.ToString()), hostPort, builder.Database ?? builder.Username ?? "", builder.Username, copy));
    }

    public override bool IsPostgres => true;

    /// <summary>The key of the registry's write lock (<c>pg_advisory_xact_lock</c>): "SARC" in ASCII.</summary>
    internal const long WriteLockKey = 0x53415243;

    public override System.Data.Common.DbTransaction BeginWrite()
    {
        var tx = Connection.BeginTransaction();
        try
        {
            // One writer at a time, as SQLite: READ COMMITTED alone let two imports read the same old value and both
            // audit it. The lock is the transaction's, so it ends with it (also when the client dies).
            Execute(tx, $"SET LOCAL lock_timeout = '{(int)WriteWait.TotalMilliseconds}ms'; SELECT pg_advisory_xact_lock({WriteLockKey})");
            return tx;
        }
        catch
        {
            tx.Dispose();
            throw;
        }
    }

    public override IRowCommand PrepareRow(System.Data.Common.DbTransaction tx, string sql, IReadOnlyList<System.Data.DbType> types)
    {
        if (batch is null || !ReferenceEquals(batchTransaction, tx))
        {
            batch = new PostgresRowBatch((NpgsqlConnection)Connection, (NpgsqlTransaction)tx);
            batchTransaction = tx;
        }
        return new PostgresBatchedRowCommand(batch, sql, types);
    }

    public override bool CanCopy => copy;

    public override IRowCopy BeginCopy(System.Data.Common.DbTransaction tx, string table, IReadOnlyList<string> columns, IReadOnlyList<System.Data.DbType> types) =>
        new PostgresCopyRowCommand((NpgsqlConnection)Connection, table, columns, types);

    public override void FlushRows(System.Data.Common.DbTransaction tx)
    {
        if (batch is not null && ReferenceEquals(batchTransaction, tx))
        {
            batch.Flush();
        }
        batch = null;
        batchTransaction = null;
    }

    protected override DataInputException? Translate(Exception exception)
    {
        switch (exception)
        {
            case PostgresException pg when pg.SqlState is "28P01" or "28000":
                return new DataInputException($"PostgreSQL at {hostPort} refused the login of user '{user}': {pg.MessageText}");
            case PostgresException pg when pg.SqlState == "3D000":
                return new DataInputException($"PostgreSQL at {hostPort} has no database '{database}' (create it first)");
            case PostgresException pg when pg.SqlState == "55P03":
                return new DataInputException($"PostgreSQL at {hostPort}/{database} is busy with another change that has not finished; nothing was changed (try again)");
            case PostgresException pg when pg.SqlState is "57P01" or "57P02" or "57P03" or "53300":
                return new DataInputException($"PostgreSQL at {hostPort} is not accepting connections: {pg.MessageText}");
            case PostgresException:
                return null;
            case NpgsqlException e when e.InnerException is SocketException or TimeoutException or IOException || e is NpgsqlException { IsTransient: true }:
                return new DataInputException($"cannot connect to PostgreSQL at {hostPort}: {(e.InnerException ?? e).Message.ReplaceLineEndings(" ")}");
            case SocketException s:
                return new DataInputException($"cannot connect to PostgreSQL at {hostPort}: {s.Message}");
            default:
                return null;
        }
    }
}
