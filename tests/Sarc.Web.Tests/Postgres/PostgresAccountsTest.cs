using System.Net;
using Sarc.Registry.Audit;
using Sarc.Registry.Tests.Storage;

namespace Sarc.Web.Tests.Postgres;

/// <summary>
/// The web app on a real PostgreSQL server: sign-in through the account tables, a change with its reason, center
/// isolation. (The account tables' own behaviour on both databases is tested in Sarc.Registry.Tests' UserStoreContract.)
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountsTest(PostgresServer server)
{
    [Fact]
    public async Task WebApp_OnPostgres_SignsInRecordsAnEventWithReasonAndKeepsOtherCentersOut()
    {
        await using var web = await WebHarness.StartAsync(server.CreateDatabase());
        var manager = await web.SignedIn("dm@t.org");

        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/new", new() { ["date"] = "2023-01-10", ["kind"] = "local_recurrence", ["reason"] = "MRI" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var changes = web.Audit("PA2").Skip(1).ToList();
        Assert.All(changes, e => Assert.Equal(("dm@t.org", "MRI"), (e.Who, e.Reason!)));
        Assert.Equal(["event"], changes.Select(e => e.Entity));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/patients/PB1")).StatusCode);
    }

    [Fact]
    public async Task WebApp_OnPostgres_AChangeCommittedByAnotherConnection_IsSeenAtTheNextRequest()
    {
        await using var web = await WebHarness.StartAsync(server.CreateDatabase());
        await FreshReadsTest.ChangeByAnotherConnection_IsSeenAtTheNextRequest(web);
    }
}
