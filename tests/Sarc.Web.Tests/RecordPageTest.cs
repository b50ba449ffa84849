using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;

namespace Sarc.Web.Tests;

/// <summary>What the patient record shows beyond the template values: derived doses and stage.</summary>
public sealed class RecordPageTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Record_HypofractionatedCourse_ShowsEqd2AtTheSarcomaAlphaBeta()
    {
        // domain.md: 40.05 Gy / 15 fx is about 44.5 Gy EQD2 at α/β 4 (it would be 41.8 Gy at α/β 10).
        var file = Path.Combine(Path.GetTempPath(), $"sarc-web-rt-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, WebHarness.Header + ",rt_setting,rt_dose_gy,rt_fractions,rt_end_date\n"
            + WebHarness.Row("PA9", "A") + ",neoadjuvant,40.05,15,2019-03-20\n");
        try
        {
            using (var store = RegistryStore.Open(_web.Database))
            {
                Assert.True(RegistryImporter.ImportFile(store, file, update: false, new AuditContext("test", TimeProvider.System)).Succeeded);
            }
        }
        finally
        {
            File.Delete(file);
        }
        var admin = await _web.SignedIn("admin@t.org");

        var page = await admin.GetStringAsync("/patients/PA9");

        Assert.Contains("Total dose (Gy): 40.05; Fractions: 15; EQD2 44.5 Gy (α/β 4 Gy)", page);
    }
}
