using System.Data.Common;
using Npgsql;
using Sarc.Registry.Storage;
using Sarc.Registry.Tests.Storage;

namespace Sarc.Registry.Tests.Models;

/// <summary>The registered models' contract on a real PostgreSQL server, one fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresModelStoreTest(PostgresServer server) : ModelStoreContract
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

    protected override string FailAuditTrigger => """
        CREATE FUNCTION no_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
        CREATE TRIGGER no_audit BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION no_audit();
        """;
}
