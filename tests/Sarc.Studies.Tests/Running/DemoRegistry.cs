using Sarc.Data.Tables;
using Sarc.Registry.Audit;
using Sarc.Studies.Running;
using Sarc.Studies.Simulation;

namespace Sarc.Studies.Tests.Running;

/// <summary>
/// A small simulated registry (600 patients, fixed seed) imported through the registry's normal import path into
/// SQLite and exported back, as the demo does: built once per test class, a few seconds at most.
/// </summary>
public sealed class DemoRegistry : IDisposable
{
    public DemoRegistry()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sarc-studies-" + Guid.NewGuid().ToString("N"));
        Registry = RegistrySimulator.Write(Path.Combine(Folder, "registry"), SimulationOptions.Default with { Patients = 600, Seed = 7 });
        using var store = StudyData.ImportNew(Registry.Folder, Path.Combine(Folder, "registry.db"), new AuditContext("test", TimeProvider.System));
        Dataset = StudyData.FromRegistry(store);
    }

    public string Folder { get; }

    public SimulatedRegistry Registry { get; }

    public DataFrame Dataset { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
