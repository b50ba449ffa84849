using Sarc.Registry.Tests.Storage;
using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Concurrency;

/// <summary>The 20 writers on a real PostgreSQL server (writers wait their turn at the advisory lock).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentWritersTest(PostgresServer server, ITestOutputHelper output) : ConcurrentWritersContract(output)
{
    protected override string NewDatabase() => server.CreateDatabase();
}
