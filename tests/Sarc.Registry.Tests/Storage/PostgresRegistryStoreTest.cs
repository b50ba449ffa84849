using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL server, one fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRegistryStoreTest(PostgresServer server) : RegistryStoreContract
{
    private string? database;

    protected override IRegistryStore OpenNew()
    {
        database = server.CreateDatabase();
        return RegistryStore.Open(database);
    }

    protected override IRegistryStore Reopen() => RegistryStore.Open(database!);

    [Fact]
    public void Open_PostgresUrl_ReachesTheSameServer()
    {
        var connection = server.CreateDatabase();
        var name = connection[(connection.LastIndexOf('=') + 1)..];
        using var store = RegistryStore.Open($"postgres://postgres@127.0.0.1:{server.Port}/{name}");

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.StartsWith("PostgreSQL 127.0.0.1:", store.Description);
    }

    [Fact]
    public void Open_MissingDatabase_IsOneLineNamingHostAndPort()
    {
        var e = Assert.Throws<Sarc.Data.DataInputException>(() => RegistryStore.Open($"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=nosuchdb"));
        Assert.Equal($"PostgreSQL at 127.0.0.1:{server.Port} has no database 'nosuchdb' (create it first)", e.Message);
    }
}
