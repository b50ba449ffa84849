using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sarc.Registry.Storage;

/// <summary><see cref="IRowReader"/> on SQLite's statement API: dates parsed from their UTF-8 bytes without a culture-aware parser.</summary>
internal sealed class SqliteRawReader : IRowReader
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public SqliteRawReader(sqlite3 db, string sql)
    {
        this.db = db;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out statement), db);
    }

    public bool Read()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        return false;
    }

    public bool IsNull(int index) => raw.sqlite3_column_type(statement, index) == raw.SQLITE_NULL;

    public string Text(int index) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, index));

    public ReadOnlySpan<byte> Utf8(int index) => raw.sqlite3_column_blob(statement, index);

    public double Real(int index) => raw.sqlite3_column_double(statement, index);

    public int Integer(int index) => raw.sqlite3_column_int(statement, index);

    public long Long(int index) => raw.sqlite3_column_int64(statement, index);

    public DateOnly Date(int index) => SqliteDates.Parse(raw.sqlite3_column_blob(statement, index));

    public DateTimeOffset Timestamp(int index) =>
        DateTimeOffset.Parse(Text(index), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();

    public void Dispose() => statement.Dispose();
}
