using System.Data.Common;

namespace Sarc.Registry.Storage;

/// <summary><see cref="IRowReader"/> over any ADO.NET provider.</summary>
internal sealed class AdoRowReader(DbCommand command, DbDataReader reader) : IRowReader
{
    public bool Read() => reader.Read();

    public bool IsNull(int index) => reader.IsDBNull(index);

    public string Text(int index) => reader.GetString(index);

    public ReadOnlySpan<byte> Utf8(int index) => System.Text.Encoding.UTF8.GetBytes(reader.GetString(index));

    public double Real(int index) => reader.GetDouble(index);

    public int Integer(int index) => reader.GetInt32(index);

    public long Long(int index) => reader.GetInt64(index);

    public DateOnly Date(int index) => reader.GetFieldValue<DateOnly>(index);

    public DateTimeOffset Timestamp(int index) => reader.GetFieldValue<DateTimeOffset>(index).ToUniversalTime();

    public void Dispose()
    {
        reader.Dispose();
        command.Dispose();
    }
}
