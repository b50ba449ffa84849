using System.Data;
using Npgsql;

namespace Sarc.Registry.Storage;

/// <summary>
/// <see cref="IRowCommand"/> for PostgreSQL that queues each row as a command of one shared <see cref="NpgsqlBatch"/>
/// (see <see cref="PostgresRowBatch"/>): a round trip per row made a 100,000-patient import take minutes. Rows of all
/// tables share the batch, so they reach the server in the order written and foreign keys hold.
/// </summary>
internal sealed class PostgresBatchedRowCommand(PostgresRowBatch batch, string sql, IReadOnlyList<DbType> types) : IRowCommand
{
    private readonly string sql = PositionalSql(sql);
    private readonly object?[] values = new object?[types.Count];

    public void Text(int index, string? value) => values[index] = value;

    public void Real(int index, double? value) => values[index] = value;

    public void Integer(int index, int? value) => values[index] = value;

    public void Long(int index, long value) => values[index] = value;

    public void Date(int index, DateOnly? value) => values[index] = value;

    public void Timestamp(int index, DateTimeOffset value) => values[index] = value;

    public void Execute()
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(new NpgsqlParameter { DbType = types[i], Value = values[i] ?? DBNull.Value });
        }
        batch.Add(command);
    }

    public void Dispose()
    {
    }

    /// <summary>Batch commands take positional parameters: <c>@name</c> becomes <c>$1</c>, <c>$2</c> ... in order.</summary>
    private static string PositionalSql(string sql)
    {
        var text = new System.Text.StringBuilder(sql.Length);
        var n = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] != '@')
            {
                text.Append(sql[i]);
                continue;
            }
            var j = i + 1;
            while (j < sql.Length && (char.IsAsciiLetterOrDigit(sql[j]) || sql[j] == '_'))
            {
                j++;
            }
            text.Append('$').Append(++n);
            i = j - 1;
        }
        return text.ToString();
    }
}
