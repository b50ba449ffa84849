using System.Net;
using System.Text.RegularExpressions;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;

namespace Sarc.Web.Tests;

/// <summary>
/// The record's entry forms (add, edit, remove a surgery, course, line, event or follow-up contact): the import's
/// rules and messages, a required reason, every change audited, no event after a death, access by role and center.
/// </summary>
public sealed partial class EntryFormTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task AddLocalRecurrence_DataManager_AuditsTheEventWithReasonAndRestartsThePlan()
    {
        var manager = await _web.SignedIn("dm@t.org");
        Assert.DoesNotContain("plan restarted", await manager.GetStringAsync("/patients/PA2"));

        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/new", new() { ["date"] = "2023-01-10", ["kind"] = "local_recurrence", ["reason"] = "MRI 2023-01" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/patients/PA2", response.Headers.Location!.ToString());
        var added = Assert.Single(_web.Audit("PA2"), e => e.Entity == "event");
        Assert.Equal((AuditAction.Insert, "dm@t.org", "MRI 2023-01", "2023-01-10 local_recurrence"), (added.Action, added.Who, added.Reason!, added.Item!));
        Assert.Equal(new DateOnly(2023, 1, 10), _web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence)!.Date);
        var page = await manager.GetStringAsync("/patients/PA2");
        var start = page.IndexOf("<ul id=\"next-visits\">", StringComparison.Ordinal);
        var after = page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
        var visits = NextVisit().Matches(after).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, visits.Count);
        Assert.All(visits, d => Assert.True(d > new DateOnly(2023, 1, 10)));
        Assert.Equal(3, Regex.Count(after, "plan restarted after the local recurrence"));
    }

    [Fact]
    public async Task AddSurgery_ShowsOnTheTimelineInDateOrder_WithEveryField()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA1/surgeries/new", new()
        {
            ["date"] = "2021-07-01", ["kind"] = "recurrence_resection", ["target"] = "", ["margin"] = "R1", ["necrosis_pct"] = "",
            ["lesions"] = "", ["max_lesion_cm"] = "", ["clavien_dindo"] = "II", ["wound_complication"] = "no", ["reason"] = "op note",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await manager.GetStringAsync("/patients/PA1");
        var timeline = Section(page, "<table id=\"timeline\">", "</table>");
        var rows = Regex.Matches(timeline, "<tr class=\"(\\w+)\"><td>([\\d-]+)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("surgeries", "2019-04-01"), ("events", "2021-06-01"), ("surgeries", "2021-07-01"), ("followup", "2022-04-01")], rows);
        Assert.Contains("Margin: R1 (microscopic residual)", timeline);
        Assert.Contains("Clavien-Dindo: II", timeline);
        Assert.Contains("Systemic therapy: none recorded", page);
        Assert.Contains("Radiotherapy: none recorded", page);
        Assert.Equal(AuditAction.Insert, Assert.Single(_web.Audit("PA1"), e => e.Entity == "surgery" && e.Action != AuditAction.Update).Action);
    }

    [Fact]
    public async Task EditEvent_ChangesItsDate_AuditedAsAChangeWithTheReason()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var form = await manager.GetStringAsync("/patients/PA1/events/1");
        Assert.Contains("value=\"2021-06-01\"", form);
        Assert.Contains("<option value=\"local_recurrence\" selected", form);

        var response = await WebHarness.PostForm(manager, "/patients/PA1/events/1", new() { ["date"] = "2021-06-15", ["kind"] = "local_recurrence", ["reason"] = "pathology date" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2021, 6, 15), _web.Load("PA1")!.First(OutcomeEventKind.LocalRecurrence)!.Date);
        Assert.All(_web.Audit("PA1").Where(e => e.Who == "dm@t.org"), e => Assert.Equal("pathology date", e.Reason));
        Assert.Contains(_web.Audit("PA1"), e => e.Who == "dm@t.org");
    }

    [Fact]
    public async Task RemoveEvent_WithReason_RemovesItAndAuditsTheRemoval()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA1/events/1/remove", new() { ["reason"] = "entered for the wrong patient" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(_web.Load("PA1")!.Events);
        var removal = Assert.Single(_web.Audit("PA1"), e => e.Action == AuditAction.Delete);
        Assert.Equal(("event", "entered for the wrong patient"), (removal.Entity, removal.Reason!));
    }

    [Fact]
    public async Task RemoveThePrimarySurgery_IsRefusedWithTheRegistrysRule()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var audited = _web.Audit("PA2").Count;

        var response = await WebHarness.PostForm(manager, "/patients/PA2/surgeries/1/remove", new() { ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("primary", html);
        Assert.Contains("Nothing was changed.", html);
        Assert.Single(_web.Load("PA2")!.Surgeries);
        Assert.Equal(audited, _web.Audit("PA2").Count);
    }

    [Theory]
    [InlineData("events", "date=2019-01-01|kind=local_recurrence", "date: 2019-01-01 is before the primary surgery on 2019-04-01")]
    [InlineData("events", "date=2099-01-01|kind=local_recurrence", "date: 2099-01-01 is in the future")]
    [InlineData("events", "date=2021-13-01|kind=distant_metastasis", "date: &#x27;2021-13-01&#x27; is not a date YYYY-MM-DD")]
    [InlineData("events", "date=2021-01-01|kind=death", "date: the death on 2021-01-01 is before the local recurrence on 2021-06-01 already in the registry")]
    [InlineData("radiotherapy", "dose_gy=0|fractions=5", "dose_gy: 0 is out of range (must be &gt; 0)")]
    [InlineData("followup", "date=2023-01-01|status=gone", "status: &#x27;gone&#x27; is not one of")]
    public async Task Entry_Invalid_ShowsTheImportMessageAndChangesNothing(string list, string cells, string message)
    {
        var manager = await _web.SignedIn("dm@t.org");
        var audited = _web.Audit("PA1").Count;
        var fields = cells.Split('|').Select(c => c.Split('=')).ToDictionary(c => c[0], c => c[1]);
        fields["reason"] = "typo";

        var response = await WebHarness.PostForm(manager, $"/patients/PA1/{list}/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("Nothing was changed.", html);
        Assert.Equal(audited, _web.Audit("PA1").Count);
    }

    [Fact]
    public async Task Entry_WithoutReason_ChangesNothing()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/new", new() { ["date"] = "2023-01-10", ["kind"] = "local_recurrence", ["reason"] = " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("reason: a reason for the change is required", await response.Content.ReadAsStringAsync());
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [Fact]
    public async Task Form_OffersTheCodeTablesAndDateInputsNoLaterThanToday()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var form = await manager.GetStringAsync("/patients/PA2/surgeries/new");

        Assert.Contains("<input type=\"date\" id=\"date\" name=\"date\" value=\"\" max=\"" + DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"", form);
        Assert.Equal(Sarc.Registry.Codes.RegistryCodes.SurgeryKind.Codes, Regex.Matches(Section(form, "<select id=\"kind\"", "</select>"), "<option value=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("<option value>not recorded</option>", Section(form, "<select id=\"margin\"", "</select>"));
        Assert.Contains("Exactly one primary surgery per patient", form);
    }

    [Fact]
    public async Task DeadPatient_GetsNoEventForm()
    {
        var manager = await _web.SignedIn("dm@t.org");
        Assert.Contains("id=\"add-events\"", await manager.GetStringAsync("/patients/PA2"));
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostForm(manager, "/patients/PA2/events/new", new() { ["date"] = "2022-05-02", ["kind"] = "death", ["cause"] = "sarcoma", ["reason"] = "certificate" })).StatusCode);

        var page = await manager.GetStringAsync("/patients/PA2");
        Assert.DoesNotContain("id=\"add-events\"", page);
        Assert.Contains("id=\"add-followup\"", page);
        Assert.Contains("<p id=\"no-next-visits\">None: the patient has died.</p>", page);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.GetAsync("/patients/PA2/events/new")).StatusCode);
        var post = await WebHarness.PostForm(manager, "/patients/PA2/events/new", new() { ["date"] = "2022-01-02", ["kind"] = "local_recurrence", ["reason"] = "x" });
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [Fact]
    public async Task Investigator_SeesNoFormsAndIsRefused()
    {
        var investigator = await _web.SignedIn("inv@t.org");
        var page = await investigator.GetStringAsync("/patients/PA1");
        Assert.DoesNotContain("/new\"", page);
        Assert.DoesNotContain("/events/1\"", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync("/patients/PA1/events/1")).StatusCode);

        var response = await WebHarness.PostForm(investigator, "/patients/PA1/events/1/remove", new() { ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(_web.Load("PA1")!.Events);
    }

    [Theory]
    [InlineData("/patients/PB1/events/new")]
    [InlineData("/patients/PB1/surgeries/1")]
    [InlineData("/patients/PB1/surgeries/1/remove")]
    [InlineData("/patients/PA1/complications/new")]
    [InlineData("/patients/PA1/events/7")]
    public async Task Entry_PatientOfAnotherCenter_OrNoSuchList_OrEntry_Is404AndChangesNothing(string url)
    {
        var manager = await _web.SignedIn("dm@t.org");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(url.Replace("/remove", "", StringComparison.Ordinal))).StatusCode);

        var response = await WebHarness.PostForm(manager, url, new() { ["date"] = "2023-01-10", ["kind"] = "local_recurrence", ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("1960-05-01", await response.Content.ReadAsStringAsync());
        Assert.Single(_web.Audit("PB1"));
        Assert.Single(_web.Load("PA1")!.Events);
    }

    [Fact]
    public async Task Entry_WithoutAntiforgeryToken_Is400()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await manager.PostAsync("/patients/PA2/events/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["date"] = "2023-01-10", ["kind"] = "local_recurrence", ["reason"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [Theory]
    [InlineData("/patients/PA1/followup/new", "date=2023-02-01|status=awd", "2023-02-01")]
    [InlineData("/patients/PA1/events/1", "date=2021-06-15|kind=local_recurrence", "2021-06-15")]
    [InlineData("/patients/PA1/events/1/remove", "", null)]
    public async Task Entry_SavedOnAPageOpenedBeforeAnotherSave_IsRefusedNamingWhoAndWhen(string url, string cells, string? input)
    {
        var manager = await _web.SignedIn("dm@t.org");
        var formUrl = url.Replace("/remove", "", StringComparison.Ordinal);
        var stale = await manager.GetStringAsync(formUrl);
        Assert.Equal(url.EndsWith("/new", StringComparison.Ordinal) ? 1 : 2, Regex.Count(stale, "<input type=\"hidden\" name=\"version\" value=\"1\" />"));
        // Someone else changes the patient while the page is open.
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostForm(await _web.SignedIn("admin@t.org"), "/patients/PA1/followup/new",
            new() { ["date"] = "2022-10-01", ["status"] = "ned", ["reason"] = "clinic letter" })).StatusCode);
        var before = _web.Load("PA1")!;
        var audited = _web.Audit("PA1").Count;
        var fields = Fields(cells, "my change");

        var response = await WebHarness.PostFormFrom(manager, stale, url, With(fields, OpenedVersion(stale)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"'PA1' was changed by admin@t\.org at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC since you opened it \(version 1, now 2\); nothing was saved", html);
        if (input is not null)
        {
            // The form again with what the user typed, still at the version it was opened at.
            Assert.Contains($"value=\"{input}\"", html);
            Assert.Contains("value=\"my change\"", html);
        }
        Assert.Contains("<input type=\"hidden\" name=\"version\" value=\"1\" />", html);
        Assert.Equal(audited, _web.Audit("PA1").Count);
        var after = _web.Load("PA1")!;
        Assert.Equal((2, before.Events.Count, before.FollowUps.Count), (after.Version, after.Events.Count, after.FollowUps.Count));
        Assert.Equal(new DateOnly(2021, 6, 1), after.First(OutcomeEventKind.LocalRecurrence)!.Date);

        // Opened again, the form carries the new version and saves.
        var fresh = await manager.GetStringAsync(formUrl);
        Assert.Equal("2", OpenedVersion(fresh));
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostFormFrom(manager, fresh, url, With(fields, OpenedVersion(fresh)))).StatusCode);
        Assert.Equal(3, _web.Load("PA1")!.Version);
        Assert.Contains(_web.Audit("PA1").Skip(audited), e => e.Who == "dm@t.org" && e.Reason == "my change");
    }

    /// <summary>The form fields of <paramref name="cells"/> (<c>name=value|…</c>) with <paramref name="reason"/>.</summary>
    private static Dictionary<string, string> Fields(string cells, string reason)
    {
        var fields = cells.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=')).ToDictionary(c => c[0], c => c[1]);
        fields["reason"] = reason;
        return fields;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> fields, string version) => new(fields) { ["version"] = version };

    /// <summary>The patient version a form page was opened at (its hidden field).</summary>
    private static string OpenedVersion(string page) => Regex.Match(page, "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\" />").Groups[1].Value;

    private static string Section(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, start);
        return page[from..page.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<li>(\\d{4}-\\d{2}-\\d{2})[^<]*?: [^<]*</li>")]
    private static partial Regex NextVisit();
}
