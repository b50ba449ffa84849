using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Web.Access;

namespace Sarc.Web.Tests;

/// <summary>The worklist's per-center planner records: reused while the data version stands, read again after any committed change, also one made on another connection.</summary>
public sealed class PlanCacheTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public void Patients_NoChange_ReusesTheCentersRecords_ACommitOnAnotherConnectionReadsAgain()
    {
        var cache = new PlanCache();
        using var store = RegistryStore.Open(_web.Database);
        var first = cache.Patients(store, ["A"]);

        Assert.Same(first, cache.Patients(store, ["A"]));
        Assert.Equal(["PA1", "PA2"], first.Select(p => p.PatientId));
        Assert.Equal(["PA1", "PA2", "PB1"], cache.Patients(store, null).Select(p => p.PatientId));

        using (var other = RegistryStore.Open(_web.Database))
        {
            Assert.True(other.DeletePatient("PA2", new AuditContext("t", TimeProvider.System)));
        }
        var second = cache.Patients(store, ["A"]);
        Assert.NotSame(first, second);
        Assert.Equal(["PA1"], second.Select(p => p.PatientId));
        Assert.Equal(["PA1", "PB1"], cache.Patients(store, ["B", "A"]).Select(p => p.PatientId));
    }
}
