using System.Text;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;

namespace Sarc.Web.Tests;

/// <summary>
/// Every request reads the database itself, scoped to the user's centers: a change committed by another connection
/// (the CLI, another server) is seen by the next request's record, list and worklist — nothing serves an older copy
/// (issue 17's stale cache). The same test runs on PostgreSQL in <c>PostgresAccountsTest</c>.
/// </summary>
public sealed class FreshReadsTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public Task Sqlite_AChangeCommittedByAnotherConnection_IsSeenAtTheNextRequest() => ChangeByAnotherConnection_IsSeenAtTheNextRequest(_web);

    /// <summary>Reads the pages, changes the registry on another connection (an update, an addition, a deletion), reads them again.</summary>
    internal static async Task ChangeByAnotherConnection_IsSeenAtTheNextRequest(WebHarness web)
    {
        var manager = await web.SignedIn("dm@t.org");
        Assert.Contains("<dt>FNCLCC grade</dt><dd>3</dd>", await manager.GetStringAsync("/patients/PA2"));
        Assert.Contains("<p>2 patients, page 1 of 1</p>", await manager.GetStringAsync("/patients"));
        Assert.Contains("No patient is lost to follow-up.", await manager.GetStringAsync("/surveillance?as_of=2022-06-01&days=400"));

        using (var other = RegistryStore.Open(web.Database))
        {
            var file = Path.Combine(Path.GetTempPath(), $"sarc-fresh-{Guid.NewGuid():N}.csv");
            File.WriteAllText(file, WebHarness.Header + "\n" + WebHarness.Row("PA2", "A", grade: "1") + "\n" + WebHarness.Row("PA3", "A") + "\n", Encoding.UTF8);
            try
            {
                Assert.True(RegistryImporter.ImportFile(other, file, update: true, new AuditContext("cli", TimeProvider.System)).Succeeded);
            }
            finally
            {
                File.Delete(file);
            }
            var lost = new Sarc.Registry.Import.ImportAddition("PA1", new Sarc.Registry.Domain.FollowUpContact(new DateOnly(2022, 5, 1), Sarc.Registry.Domain.FollowUpStatus.Lost), "cli", 2);
            Assert.True(other.Import(new Sarc.Registry.Import.ImportBatch([], [lost]), update: true, new AuditContext("cli", TimeProvider.System), null).Succeeded);
        }

        Assert.Contains("<dt>FNCLCC grade</dt><dd>1</dd>", await manager.GetStringAsync("/patients/PA2"));
        Assert.Contains("<p>3 patients, page 1 of 1</p>", await manager.GetStringAsync("/patients"));
        Assert.Contains("<p>1 patients, page 1 of 1</p>", await manager.GetStringAsync("/patients?grade=1"));
        var worklist = await manager.GetStringAsync("/surveillance?as_of=2022-06-01&days=400");
        Assert.Contains("<table id=\"lost\">", worklist);
        Assert.Contains("<td>2022-05-01</td>", worklist);

        using (var other = RegistryStore.Open(web.Database))
        {
            Assert.True(other.DeletePatient("PA3", new AuditContext("cli", TimeProvider.System)));
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await manager.GetAsync("/patients/PA3")).StatusCode);
        Assert.Contains("<p>2 patients, page 1 of 1</p>", await manager.GetStringAsync("/patients"));
    }
}
