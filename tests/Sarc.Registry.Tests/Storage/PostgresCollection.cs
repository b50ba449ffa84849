namespace Sarc.Registry.Tests.Storage;

/// <summary>All PostgreSQL tests share one server, started once and stopped when they end.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
