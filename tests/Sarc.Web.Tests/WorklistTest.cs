using System.Net;
using System.Text.RegularExpressions;

namespace Sarc.Web.Tests;

/// <summary>The surveillance worklist page and its iCalendar download: the user's visible patients only.</summary>
public sealed partial class WorklistTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Worklist_LinksTheCalendarOfTheSameWindow()
    {
        var html = await (await _web.SignedIn("inv@t.org")).GetStringAsync("/surveillance?as_of=2022-06-01&days=400");

        Assert.Contains("<a id=\"ics\" href=\"/surveillance.ics?as_of=2022-06-01&amp;days=400\">", html);
        Assert.Contains("value=\"400\"", html);
    }

    [Fact]
    public async Task Worklist_CenterFilter_KeepsOneCenter_InThePageAndItsCalendar_WithLastContacts()
    {
        var admin = await _web.SignedIn("admin@t.org");
        var all = Row().Matches(await admin.GetStringAsync("/surveillance?as_of=2022-06-01&days=400")).Select(m => m.Groups[1].Value);
        var html = await admin.GetStringAsync("/surveillance?as_of=2022-06-01&days=400&center=B");
        var manager = await _web.SignedIn("dm@t.org");

        Assert.Equal(["PA1", "PA2", "PB1"], all.Order(StringComparer.Ordinal));
        Assert.Equal(["PB1"], Row().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("<td>PB1</td>".Replace("PB1", "B", StringComparison.Ordinal), html);
        Assert.Contains("<td>2022-04-01</td>", html);
        Assert.Contains("<a id=\"ics\" href=\"/surveillance.ics?as_of=2022-06-01&amp;days=400&amp;center=B\">", html);
        Assert.Equal(1, Regex.Count(await admin.GetStringAsync("/surveillance.ics?as_of=2022-06-01&days=400&center=B"), "BEGIN:VEVENT"));
        // A center the user does not see gives nothing, and is not offered.
        Assert.Empty(Row().Matches(await manager.GetStringAsync("/surveillance?as_of=2022-06-01&days=400&center=B")));
        Assert.DoesNotContain("<option>B</option>", await manager.GetStringAsync("/surveillance"));
    }

    [Fact]
    public async Task Calendar_ListsTheWorklistVisitsWithTheirExams()
    {
        var client = await _web.SignedIn("admin@t.org");
        var page = await client.GetStringAsync("/surveillance?as_of=2022-06-01&days=400");
        var rows = Row().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Replace("-", "", StringComparison.Ordinal), m.Groups[3].Value)).ToList();
        Assert.Equal(3, rows.Count);

        var response = await client.GetAsync("/surveillance.ics?as_of=2022-06-01&days=400");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString());
        var ics = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Equal(rows.Count, Regex.Count(ics, "BEGIN:VEVENT"));
        foreach (var (id, date, exams) in rows)
        {
            Assert.Contains($"UID:{id}-{date}@sarc-surveillance", ics);
            Assert.Contains($"DTSTART;VALUE=DATE:{date}", ics);
            Assert.Contains($"SUMMARY:Sarcoma follow-up {id}: {exams.Replace(",", "\\,", StringComparison.Ordinal)}", Regex.Replace(ics, "\r\n ", ""));
        }
    }

    [Fact]
    public async Task Calendar_InvestigatorOfA_HasNoPatientOfB()
    {
        var admin = await (await _web.SignedIn("admin@t.org")).GetStringAsync("/surveillance.ics?as_of=2022-06-01&days=400");
        var investigator = await (await _web.SignedIn("inv@t.org")).GetStringAsync("/surveillance.ics?as_of=2022-06-01&days=400");

        Assert.Contains("UID:PB1-", admin);
        Assert.DoesNotContain("PB1", investigator);
        Assert.Contains("UID:PA2-", investigator);
    }

    [Fact]
    public async Task Calendar_Anonymous_RedirectsToLogin()
    {
        var response = await _web.Anonymous().GetAsync("/surveillance.ics?as_of=2022-06-01");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Worklist_LongDueList_IsShownFiftyToAPage_EveryPatientOnceInTheListsOrder_TheCalendarWhole()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sarc-worklist-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, WebHarness.Header + "\n" + string.Join("\n", Enumerable.Range(1, 120).Select(i => WebHarness.Row($"PC{i:000}", "A"))) + "\n");
        try
        {
            using var store = Sarc.Registry.Storage.RegistryStore.Open(_web.Database);
            Assert.True(Sarc.Registry.RegistryImporter.ImportFile(store, file, update: false, new Sarc.Registry.Audit.AuditContext("cli", TimeProvider.System)).Succeeded);
        }
        finally
        {
            File.Delete(file);
        }
        var manager = await _web.SignedIn("dm@t.org");
        const string window = "/surveillance?as_of=2022-06-01&days=400";
        var calendar = Regex.Matches(await manager.GetStringAsync(window.Replace("/surveillance", "/surveillance.ics", StringComparison.Ordinal)), "UID:([^-]+)-").Select(m => m.Groups[1].Value).ToList();

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await manager.GetStringAsync($"{window}&page={page}"));
        }
        var shown = pages.SelectMany(html => Row().Matches(html).Select(m => m.Groups[1].Value)).ToList();

        Assert.Equal(122, calendar.Count);
        Assert.Equal([50, 50, 22], pages.Select(html => Row().Matches(html).Count));
        Assert.Equal(calendar, shown);
        Assert.Contains("122 patients due or overdue", pages[0], StringComparison.Ordinal);
        Assert.Contains("page 2 of 3", pages[1], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/surveillance?as_of=2022-06-01&amp;days=400&amp;page=1\">previous</a>", pages[1], StringComparison.Ordinal);
        Assert.Contains("<a href=\"/surveillance?as_of=2022-06-01&amp;days=400&amp;page=3\">next</a>", pages[1], StringComparison.Ordinal);
        Assert.DoesNotContain(">next</a>", pages[2], StringComparison.Ordinal);
        // A page past the end shows the last page rather than an empty list.
        Assert.Equal(Row().Matches(pages[2]).Select(m => m.Groups[1].Value), Row().Matches(await manager.GetStringAsync($"{window}&page=9")).Select(m => m.Groups[1].Value));
    }

    [GeneratedRegex("<tr><td><a href=\"/patients/[^\"]+\">([^<]+)</a></td><td>[^<]*</td><td>(\\d{4}-\\d{2}-\\d{2})</td><td>[a-z]+</td><td>[^<]*</td><td>([^<]*)</td>")]
    private static partial Regex Row();
}
