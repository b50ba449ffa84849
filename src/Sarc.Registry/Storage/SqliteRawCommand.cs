using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sarc.Registry.Storage;

/// <summary>
/// <see cref="IRowCommand"/> on SQLite's own prepared-statement API, bound by position: the import of 100,000 patients
/// runs about 700,000 inserts, and Microsoft.Data.Sqlite's per-execution parameter handling dominated that time.
/// Runs inside whatever transaction the connection has open. Dates are stored as <c>yyyy-MM-dd</c> text and timestamps
/// in the same text form Microsoft.Data.Sqlite uses, so both paths read each other's rows.
/// </summary>
internal sealed class SqliteRawCommand : IRowCommand
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public SqliteRawCommand(sqlite3 db, string sql)
    {
        this.db = db;
        var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
        SqliteException.ThrowExceptionForRC(rc, db);
    }

    public void Text(int index, string? value)
    {
        var rc = value is null ? raw.sqlite3_bind_null(statement, index + 1) : raw.sqlite3_bind_text(statement, index + 1, value);
        SqliteException.ThrowExceptionForRC(rc, db);
    }

    public void Real(int index, double? value)
    {
        var rc = value is { } v ? raw.sqlite3_bind_double(statement, index + 1, v) : raw.sqlite3_bind_null(statement, index + 1);
        SqliteException.ThrowExceptionForRC(rc, db);
    }

    public void Integer(int index, int? value)
    {
        var rc = value is { } v ? raw.sqlite3_bind_int(statement, index + 1, v) : raw.sqlite3_bind_null(statement, index + 1);
        SqliteException.ThrowExceptionForRC(rc, db);
    }

    public void Long(int index, long value) => SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_int64(statement, index + 1, value), db);

    public void Date(int index, DateOnly? value)
    {
        if (value is not { } v)
        {
            SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_null(statement, index + 1), db);
            return;
        }
        Span<byte> text = stackalloc byte[10];
        SqliteDates.Write(v, text);
        SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(statement, index + 1, text), db);
    }

    public void Timestamp(int index, DateTimeOffset value) =>
        Text(index, value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    public void Execute()
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    public void Dispose() => statement.Dispose();
}
