using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;
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

    [Fact]
    public void Worklist_SameCentersDateAndWindow_IsComputedOnce_ACommittedChangeComputesItAgain()
    {
        var cache = new PlanCache();
        using var store = RegistryStore.Open(_web.Database);
        var asOf = new DateOnly(2022, 6, 1);
        var first = cache.Worklist(store, ["A"], RuleSet.Default, asOf, 400);

        Assert.Same(first, cache.Worklist(store, ["A"], RuleSet.Default, asOf, 400));
        Assert.NotSame(first, cache.Worklist(store, ["A"], RuleSet.Default, asOf, 30));
        Assert.Equal(["PA1", "PA2"], first.Due.Select(d => d.PatientId).Order(StringComparer.Ordinal));
        // What is kept is the planner's own worklist of those patients.
        var planned = new SurveillancePlanner(RuleSet.Default).Worklist(cache.Patients(store, ["A"]), asOf, 400);
        Assert.Equal(planned.Due.Select(d => (d.PatientId, d.NextVisit, d.Status)), first.Due.Select(d => (d.PatientId, d.NextVisit, d.Status)));
        Assert.Equal(["PA1", "PA2", "PB1"], cache.Worklist(store, null, RuleSet.Default, asOf, 400).Due.Select(d => d.PatientId).Order(StringComparer.Ordinal));

        using (var other = RegistryStore.Open(_web.Database))
        {
            Assert.True(other.DeletePatient("PA2", new AuditContext("t", TimeProvider.System)));
        }
        var second = cache.Worklist(store, ["A"], RuleSet.Default, asOf, 400);

        Assert.NotSame(first, second);
        Assert.Equal(["PA1"], second.Due.Select(d => d.PatientId));
    }
}
