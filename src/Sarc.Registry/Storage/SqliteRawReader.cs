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

    /// <summary>Prepares <paramref name="sql"/> and binds <paramref name="values"/> (text, whole numbers or null) to its parameters in order.</summary>
    public SqliteRawReader(sqlite3 db, string sql, params object?[] values)
    {
        this.db = db;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out statement), db);
        var count = raw.sqlite3_bind_parameter_count(statement);
        if (count != values.Length)
        {
            statement.Dispose();
            throw new ArgumentException($"{count} parameters in the query, {values.Length} values given.", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, i + 1),
                string text => raw.sqlite3_bind_text(statement, i + 1, text),
                int number => raw.sqlite3_bind_int64(statement, i + 1, number),
                long number => raw.sqlite3_bind_int64(statement, i + 1, number),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
            };
            SqliteException.ThrowExceptionForRC(rc, db);
        }
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
