using Microsoft.Data.Sqlite;
using Sarc.Data;

namespace Sarc.Registry.Storage;

/// <summary>The registry in an embedded SQLite file (created when absent).</summary>
internal sealed class SqliteDatabase : RegistryDatabase
{
    private readonly string path;

    private SqliteDatabase(SqliteConnection connection, string path)
        : base(connection, path)
    {
        this.path = path;
    }

    /// <exception cref="DataInputException">The file cannot be opened, is not a SQLite database, is locked, or has a newer schema.</exception>
    public static SqliteDatabase Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DataInputException($"database '{path}': folder '{directory}' does not exist");
        }
        if (Directory.Exists(path))
        {
            throw new DataInputException($"database '{path}': is a folder, not a database file");
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // A locked database is reported after a short wait, not after the 30 s default.
            DefaultTimeout = 3,
        };
        return Opened(new SqliteDatabase(new SqliteConnection(builder.ToString()), path));
    }

    public override bool IsPostgres => false;

    private SqliteConnection Sqlite => (SqliteConnection)Connection;

    public override IRowReader Query(System.Data.Common.DbTransaction? tx, string sql, params object?[] values) => new SqliteRawReader(Sqlite.Handle!, sql, values);

    public override IRowCommand PrepareRow(System.Data.Common.DbTransaction tx, string sql, IReadOnlyList<System.Data.DbType> types) =>
        new SqliteRawCommand(Sqlite.Handle!, sql);

    public override System.Data.Common.DbTransaction BeginWrite()
    {
        // BEGIN IMMEDIATE takes SQLite's single write lock now, not at the first write, so nothing read in the
        // transaction can be changed by another connection before it commits. Microsoft.Data.Sqlite retries a busy
        // BEGIN for DefaultTimeout seconds: a writer waits its turn rather than failing after the short read timeout.
        var timeout = Sqlite.DefaultTimeout;
        Sqlite.DefaultTimeout = (int)WriteWait.TotalSeconds;
        try
        {
            return Sqlite.BeginTransaction(deferred: false);
        }
        finally
        {
            Sqlite.DefaultTimeout = timeout;
        }
    }

    public override bool CanReadInParallel => true;

    public override IRowReader QueryOnNewConnection(string sql)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Connection.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        try
        {
            connection.Open();
            return new OwningReader(connection, new SqliteRawReader(connection.Handle!, sql));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A reader that closes its own connection.</summary>
    private sealed class OwningReader(SqliteConnection connection, SqliteRawReader reader) : IRowReader
    {
        public bool Read() => reader.Read();

        public bool IsNull(int index) => reader.IsNull(index);

        public string Text(int index) => reader.Text(index);

        public ReadOnlySpan<byte> Utf8(int index) => reader.Utf8(index);

        public double Real(int index) => reader.Real(index);

        public int Integer(int index) => reader.Integer(index);

        public long Long(int index) => reader.Long(index);

        public DateOnly Date(int index) => reader.Date(index);

        public DateTimeOffset Timestamp(int index) => reader.Timestamp(index);

        public void Dispose()
        {
            reader.Dispose();
            connection.Dispose();
        }
    }

    protected override void OnOpened()
    {
        using var command = Connection.CreateCommand();
        // WAL + NORMAL: durable at commit boundaries and several times faster for bulk imports than the rollback journal.
        command.CommandText = "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 3000;";
        command.ExecuteNonQuery();
    }

    protected override DataInputException? Translate(Exception exception)
    {
        if (exception is not SqliteException e)
        {
            return null;
        }
        var problem = e.SqliteErrorCode switch
        {
            5 or 6 => "is locked by another program (try again when it has finished)",
            8 => "is read-only",
            10 => "could not be read or written (I/O error)",
            11 => "is corrupt",
            13 => "cannot be written: the disk is full",
            14 => "cannot be opened",
            23 => "cannot be opened: permission denied",
            26 => "is not a SQLite database",
            _ => null,
        };
        return problem is null ? null : new DataInputException($"database '{path}' {problem}");
    }
}
