using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Concurrency;

/// <summary>The 20 writers on one SQLite file (WAL; writers wait their turn at BEGIN IMMEDIATE).</summary>
public sealed class SqliteConcurrentWritersTest(ITestOutputHelper output) : ConcurrentWritersContract(output)
{
    protected override string NewDatabase() => Path.Combine(Folder, "registry.db");
}
