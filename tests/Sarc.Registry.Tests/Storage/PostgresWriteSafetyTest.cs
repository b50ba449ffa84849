using Npgsql;

namespace Sarc.Registry.Tests.Storage;

/// <summary>The write-safety contract on a real PostgreSQL server, one fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteSafetyTest(PostgresServer server) : WriteSafetyContract
{
    protected override string NewDatabase() => server.CreateDatabase();

    protected override void Tamper(string db, string sql)
    {
        using var connection = new NpgsqlConnection(db + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
