using Sarc.Data.Tables;
using Sarc.Registry.Audit;
using Sarc.Studies.Running;
using Sarc.Studies.Simulation;

namespace Sarc.Studies.Tests.Simulation;

/// <summary>The demo's registry (default size and seed), imported into SQLite through the normal import path once per test class.</summary>
public sealed class DefaultDemoRegistry : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sarc-recovery-" + Guid.NewGuid().ToString("N"));

    public DefaultDemoRegistry()
    {
        var registry = RegistrySimulator.Write(Path.Combine(folder, "registry"), SimulationOptions.Default);
        using var store = StudyData.ImportNew(registry.Folder, Path.Combine(folder, "r.db"), new AuditContext("test", TimeProvider.System));
        Dataset = StudyData.FromRegistry(store);
    }

    public DataFrame Dataset { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
