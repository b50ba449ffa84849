using Npgsql;

namespace Sarc.Registry.Storage;

/// <summary>The queued row commands of one transaction, sent in batches of <see cref="Size"/> and at <see cref="Flush"/>.</summary>
internal sealed class PostgresRowBatch(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public const int Size = 500;

    private NpgsqlBatch batch = new(connection, transaction);

    public void Add(NpgsqlBatchCommand command)
    {
        batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count >= Size)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }
        batch.ExecuteNonQuery();
        batch.Dispose();
        batch = new NpgsqlBatch(connection, transaction);
    }
}
