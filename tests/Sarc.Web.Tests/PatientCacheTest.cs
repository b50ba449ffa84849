using System.Text;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Web.Access;

namespace Sarc.Web.Tests;

/// <summary>The app's shared patient snapshot: reused while nothing changed, reloaded after any audited change, also one made outside the app.</summary>
public sealed class PatientCacheTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public void Get_NoChange_ReusesTheSnapshot_AChangeReloads()
    {
        var cache = new PatientCache();
        using var store = RegistryStore.Open(_web.Database);
        var first = cache.Get(store);

        Assert.Same(first, cache.Get(store));
        Assert.Equal(["PA1", "PA2", "PB1"], first.All.Select(r => r.Id));

        Assert.True(store.DeletePatient("PA2", new AuditContext("t", TimeProvider.System)));
        var second = cache.Get(store);
        Assert.NotSame(first, second);
        Assert.Equal(["PA1", "PB1"], second.All.Select(r => r.Id));
        Assert.False(second.ById.ContainsKey("PA2"));
    }

    [Fact]
    public async Task RecordPage_AfterAnImportByTheCli_ShowsTheNewData()
    {
        var manager = await _web.SignedIn("dm@t.org");
        Assert.Contains("<dt>FNCLCC grade</dt><dd>3</dd>", await manager.GetStringAsync("/patients/PA2"));

        var file = Path.Combine(Path.GetTempPath(), $"sarc-cache-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, WebHarness.Header + "\n" + WebHarness.Row("PA2", "A", grade: "1") + "\n", Encoding.UTF8);
        try
        {
            Assert.True(RegistryImporter.ImportFile(_web.Database, file, update: true, new AuditContext("cli", TimeProvider.System)).Succeeded);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Contains("<dt>FNCLCC grade</dt><dd>1</dd>", await manager.GetStringAsync("/patients/PA2"));
    }
}
