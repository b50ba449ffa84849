using Sarc.Registry.Audit;
using Sarc.Studies.Analyses;
using Sarc.Studies.Definitions;
using Sarc.Studies.Running;
using Sarc.Studies.Simulation;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Simulation;

public class DemoRecoveryTest
{
    [Fact]
    public void DefaultDemoRegistry_DmHazardLr_RobustCiCoversTheSimulatedHazardRatio()
    {
        // Exactly the registry `sarc demo` analyses (default patients and seed), through the same import path.
        var folder = Path.Combine(Path.GetTempPath(), "sarc-recovery-" + Guid.NewGuid().ToString("N"));
        try
        {
            var registry = RegistrySimulator.Write(Path.Combine(folder, "registry"), SimulationOptions.Default);
            Sarc.Data.Tables.DataFrame dataset;
            using (var store = StudyData.ImportNew(registry.Folder, Path.Combine(folder, "r.db"), new AuditContext("test", TimeProvider.System)))
            {
                dataset = StudyData.FromRegistry(store);
            }
            var study = StudyParser.ParseFile(Fixture.PathOf("studies", "lr-dm-multistate.yaml")).Study!;

            var result = StudyRunner.Run(study, dataset);

            var fit = Assert.IsType<CoxAnalysis>(result.Analyses.Single(a => a.Id == "dm-hazard-lr").Payload).Fit;
            var lr = fit.Coefficients.Single(c => c.Term == "lr");
            var lower = Math.Exp(lr.Coef - 1.959963984540054 * lr.RobustSe!.Value);
            var upper = Math.Exp(lr.Coef + 1.959963984540054 * lr.RobustSe.Value);
            Assert.True(lower <= SimulationOptions.Default.LrToDmHazardRatio && SimulationOptions.Default.LrToDmHazardRatio <= upper,
                $"robust 95% CI {lower:F2}-{upper:F2}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
