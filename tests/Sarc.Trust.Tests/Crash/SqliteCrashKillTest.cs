using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Crash;

/// <summary>The crash harness on SQLite (WAL: a killed writer leaves its frames uncommitted in the -wal file).</summary>
public sealed class SqliteCrashKillTest(ITestOutputHelper output) : CrashKillContract(output)
{
    private int count;

    protected override string NewDatabase() => Path.Combine(Folder, $"r{++count}.db");
}
