using Sarc.Registry.Tests.Storage;
using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Crash;

/// <summary>The crash harness on a real PostgreSQL server (a killed client's transaction is rolled back by the server).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashKillTest(PostgresServer server, ITestOutputHelper output) : CrashKillContract(output)
{
    protected override string NewDatabase() => server.CreateDatabase();

    protected override bool Copies => true;
}
