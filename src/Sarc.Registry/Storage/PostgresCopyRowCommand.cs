using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Sarc.Registry.Storage;

/// <summary>
/// <see cref="IRowCopy"/> on PostgreSQL's binary COPY (<c>COPY table (columns) FROM STDIN (FORMAT BINARY)</c>, Npgsql's
/// <see cref="NpgsqlBinaryImporter"/>), inside the connection's open transaction: rows stream to the server without a
/// statement per row. The values of one row are kept typed, unboxed, until <see cref="Execute"/> writes them in column
/// order, so callers set them in any order, as with the other <see cref="IRowCommand"/>s. While the copy is open the
/// connection runs nothing else.
/// </summary>
internal sealed class PostgresCopyRowCommand : IRowCopy
{
    private readonly NpgsqlBinaryImporter importer;
    private readonly NpgsqlDbType[] types;
    private readonly bool[] isNull;
    private readonly string?[] texts;
    private readonly double[] reals;
    private readonly long[] integers;
    private readonly DateOnly[] dates;
    private readonly DateTimeOffset[] timestamps;

    /// <exception cref="ArgumentException">A column type other than text, date, double, 32- or 64-bit integer, or timestamp.</exception>
    public PostgresCopyRowCommand(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<DbType> types)
    {
        this.types = [.. types.Select(NpgsqlType)];
        var n = types.Count;
        (isNull, texts, reals, integers, dates, timestamps) = (new bool[n], new string?[n], new double[n], new long[n], new DateOnly[n], new DateTimeOffset[n]);
        importer = connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
    }

    public void Text(int index, string? value) => (isNull[index], texts[index]) = (value is null, value);

    public void Real(int index, double? value) => (isNull[index], reals[index]) = (value is null, value.GetValueOrDefault());

    public void Integer(int index, int? value) => (isNull[index], integers[index]) = (value is null, value.GetValueOrDefault());

    public void Long(int index, long value) => (isNull[index], integers[index]) = (false, value);

    public void Date(int index, DateOnly? value) => (isNull[index], dates[index]) = (value is null, value.GetValueOrDefault());

    public void Timestamp(int index, DateTimeOffset value) => (isNull[index], timestamps[index]) = (false, value);

    public void Execute()
    {
        importer.StartRow();
        for (var i = 0; i < types.Length; i++)
        {
            if (isNull[i])
            {
                importer.WriteNull();
                continue;
            }
            switch (types[i])
            {
                case NpgsqlDbType.Text:
                    importer.Write(texts[i]!, NpgsqlDbType.Text);
                    break;
                case NpgsqlDbType.Double:
                    importer.Write(reals[i], NpgsqlDbType.Double);
                    break;
                case NpgsqlDbType.Integer:
                    importer.Write((int)integers[i], NpgsqlDbType.Integer);
                    break;
                case NpgsqlDbType.Bigint:
                    importer.Write(integers[i], NpgsqlDbType.Bigint);
                    break;
                case NpgsqlDbType.Date:
                    importer.Write(dates[i], NpgsqlDbType.Date);
                    break;
                default:
                    importer.Write(timestamps[i], NpgsqlDbType.TimestampTz);
                    break;
            }
        }
    }

    public void Complete() => importer.Complete();

    /// <summary>Cancels the copy unless it was completed.</summary>
    public void Dispose() => importer.Dispose();

    private static NpgsqlDbType NpgsqlType(DbType type) => type switch
    {
        DbType.String => NpgsqlDbType.Text,
        DbType.Double => NpgsqlDbType.Double,
        DbType.Int32 => NpgsqlDbType.Integer,
        DbType.Int64 => NpgsqlDbType.Bigint,
        DbType.Date => NpgsqlDbType.Date,
        DbType.DateTimeOffset => NpgsqlDbType.TimestampTz,
        _ => throw new ArgumentException($"COPY does not take columns of type {type}.", nameof(type)),
    };
}
