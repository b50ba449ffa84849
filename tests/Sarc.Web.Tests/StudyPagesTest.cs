using System.Net;
using System.Text.Json;

namespace Sarc.Web.Tests;

/// <summary>The study pages: listing, running on the user's visible patients only, and a run reachable by its owner only.</summary>
public sealed class StudyPagesTest : IAsyncLifetime
{
    private const string Study = "lr-dm-multistate";

    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    // The pages' anonymous redirects are in AccessTest.Page_Anonymous_RedirectsToLogin, with every other page.
    [Fact]
    public async Task Run_Anonymous_IsRefusedAndWritesNothing()
    {
        var response = await _web.Anonymous().PostAsync($"/studies/{Study}/run", new FormUrlEncodedContent([]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Directory.Exists(_web.Database + ".runs"), "no run folder before any signed-in run");
    }

    [Fact]
    public async Task List_ShowsEveryBuiltInStudyWithALink()
    {
        var client = await _web.SignedIn("inv@t.org");

        var page = await client.GetStringAsync("/studies");

        foreach (var id in new[] { "necrosis-outcomes", "metastatic-cmt", "pulmonary-metastasectomy", Study, "rps-post-relapse" })
        {
            Assert.Contains($"href=\"/studies/{id}\"", page, StringComparison.Ordinal);
        }
        Assert.Contains("<a href=\"/studies\">Studies</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudyPage_UnknownStudy_Is404()
    {
        var client = await _web.SignedIn("inv@t.org");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/studies/no-such-study")).StatusCode);
    }

    [Fact]
    public async Task StudyPage_TellsHowManyPatientsTheRunWillUse()
    {
        var client = await _web.SignedIn("dm@t.org");

        var page = await client.GetStringAsync($"/studies/{Study}");

        Assert.Contains("on the 2 patients you can see", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutAntiforgeryToken_Is400()
    {
        var client = await _web.SignedIn("dm@t.org");

        var response = await client.PostAsync($"/studies/{Study}/run", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Run_DataManagerOfA_UsesOnlyCenterAPatients()
    {
        // PA1 and PA2 (center A) and PB1 (center B) all meet the study's cohort conditions, so the cohort size tells
        // whose patients went in: 2 for a user of A, 3 for the admin.
        var dm = await RunJson(await _web.SignedIn("dm@t.org"));
        var admin = await RunJson(await _web.SignedIn("admin@t.org"));

        Assert.Equal(2, dm.GetProperty("studies")[0].GetProperty("n").GetInt32());
        Assert.Equal(3, admin.GetProperty("studies")[0].GetProperty("n").GetInt32());
        Assert.Equal(Study, dm.GetProperty("studies")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Run_Admin_ResultsEqualTheCliRunOnTheWholeRegistry()
    {
        // The CLI's path (sarc study run --db): the dataset of every patient of the registry, run, write results.json.
        string expected;
        string export;
        using (var store = Sarc.Registry.Storage.RegistryStore.Open(_web.Database))
        {
            export = store.Description;
            var dataset = Sarc.Studies.Running.StudyData.FromRegistry(store);
            var study = Sarc.Studies.Definitions.StudyCatalog.BuiltIn.Find(Study)!;
            expected = Sarc.Studies.Reports.ResultsJson.Write([Sarc.Studies.Running.StudyRunner.Run(study, dataset)]);
        }
        var client = await _web.SignedIn("admin@t.org");

        var actual = await client.GetStringAsync(await Run(client) + "results.json");

        // The differences: messages name the web run's dataset, not a server path (the CLI names the database), and
        // the web report's provenance names its user (the results themselves are the CLI's).
        using var expectedJson = System.Text.Json.JsonDocument.Parse(expected.Replace(export, Web.Studies.StudyRunStore.DatasetName, StringComparison.Ordinal));
        using var actualJson = System.Text.Json.JsonDocument.Parse(actual);
        foreach (var part in new[] { "studies", "seed_comparison" })
        {
            Assert.Equal(expectedJson.RootElement.GetProperty(part).GetRawText(), actualJson.RootElement.GetProperty(part).GetRawText());
        }
        Assert.Equal("web user admin@t.org", actualJson.RootElement.GetProperty("provenance").GetProperty("run_by").GetString());
        Assert.DoesNotContain(Path.GetTempPath(), actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UserOfACenterWithoutPatients_ReportsAnEmptyCohort()
    {
        _web.Users.AddUser("empty@t.org", Registry.Accounts.UserRole.Investigator, ["Z"], WebHarness.Password);

        var json = await RunJson(await _web.SignedIn("empty@t.org"));

        var study = json.GetProperty("studies")[0];
        Assert.Equal(0, study.GetProperty("n").GetInt32());
        // Every analysis says why it did not run instead of failing the whole run.
        Assert.All(study.GetProperty("analyses").EnumerateArray(), a => Assert.Contains("cohort is empty", a.GetProperty("error").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Investigator_MayRunAndGetsTheReport()
    {
        var client = await _web.SignedIn("inv@t.org");
        var run = await Run(client);

        var index = await client.GetAsync(run);

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType!.MediaType);
        var html = await index.Content.ReadAsStringAsync();
        Assert.Contains("Local recurrence as a risk factor", html, StringComparison.Ordinal);
        Assert.Contains("2 patients visible to inv@t.org (centers A)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("application/json", (await client.GetAsync(run + "results.json")).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Run_WithoutTrailingSlash_RedirectsToTheReportFolder()
    {
        var client = await _web.SignedIn("dm@t.org");
        var run = await Run(client);

        var response = await client.GetAsync(run.TrimEnd('/'));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(run, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Run_OfAnotherUser_Is404EvenForTheSameCenter()
    {
        var owner = await _web.SignedIn("dm@t.org");
        var run = await Run(owner);

        foreach (var other in new[] { "inv@t.org", "admin@t.org" })
        {
            var client = await _web.SignedIn(other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(run)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(run + "results.json")).StatusCode);
            Assert.DoesNotContain(run, await client.GetStringAsync("/studies"), StringComparison.Ordinal);
        }
        Assert.Contains(run, await owner.GetStringAsync("/studies"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run.json")] // the run's metadata sits beside the report, never in it
    [InlineData("..%2Frun.json")]
    [InlineData("%2E%2E%2Frun.json")]
    [InlineData("..%5Crun.json")]
    [InlineData(".hidden.json")]
    [InlineData("results.exe")]
    public async Task ReportFile_NameOutsideTheReport_Is404(string name)
    {
        var client = await _web.SignedIn("dm@t.org");
        var run = await Run(client);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(run + name)).StatusCode);
    }

    [Theory]
    [InlineData("/studies/runs/..%2F..%2Fregistry.db/")]
    [InlineData("/studies/runs/0123456789ABCDEF0123456789ABCDEF/")]
    [InlineData("/studies/runs/0123456789abcdef0123456789abcdef/index.html")]
    public async Task Run_MalformedOrUnknownId_Is404(string url)
    {
        var client = await _web.SignedIn("dm@t.org");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }

    /// <summary>Posts the study's run form (with an anti-forgery token); returns the report URL it redirects to.</summary>
    private static async Task<string> Run(HttpClient client)
    {
        Assert.Contains($"<form method=\"post\" action=\"/studies/{Study}/run\"><input type=\"hidden\"", await client.GetStringAsync($"/studies/{Study}"), StringComparison.Ordinal);
        var response = await WebHarness.PostForm(client, $"/studies/{Study}/run", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/studies/runs/[0-9a-f]{32}/$", location);
        return location;
    }

    private static async Task<JsonElement> RunJson(HttpClient client)
    {
        var run = await Run(client);
        using var json = JsonDocument.Parse(await client.GetStringAsync(run + "results.json"));
        return json.RootElement.Clone();
    }
}
