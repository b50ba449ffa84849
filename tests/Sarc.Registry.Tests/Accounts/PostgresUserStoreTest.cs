using System.Data.Common;
using Npgsql;
using Sarc.Registry.Storage;
using Sarc.Registry.Tests.Storage;

namespace Sarc.Registry.Tests.Accounts;

/// <summary>The account contract on a real PostgreSQL server, one fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresUserStoreTest(PostgresServer server) : UserStoreContract
{
    protected override string NewRegistry()
    {
        var db = server.CreateDatabase();
        RegistryStore.Open(db).Dispose();
        return db;
    }

    protected override DbConnection Connect(string db)
    {
        var connection = new NpgsqlConnection(db);
        connection.Open();
        return connection;
    }
}
