using Sarc.Registry.Template;
using System.Net;
using System.Text.RegularExpressions;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;

namespace Sarc.Web.Tests;

/// <summary>The record page's one-click forms: LR, DM, death, last follow-up — import validation, reason, audit, access.</summary>
public sealed partial class EventFormTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task LocalRecurrence_DataManager_AuditsDateAndFollowUpWithReasonAndRestartsThePlan()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var before = await manager.GetStringAsync("/patients/PA2");
        Assert.DoesNotContain("plan restarted", before);
        var audited = _web.Audit("PA2").Count;

        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = "MRI 2023-01" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/patients/PA2", response.Headers.Location!.ToString());
        var added = _web.Audit("PA2").Skip(audited).ToList();
        // The recurrence is a new event, and the visit that found it a new follow-up contact (the earlier ones stay).
        Assert.Equal(
            [("event", "2023-01-10 local_recurrence", """{"date":"2023-01-10","kind":"local_recurrence"}"""), ("followup", "2023-01-10", """{"date":"2023-01-10"}""")],
            added.Select(e => (e.Entity, e.Item!, e.NewValue!)));
        Assert.All(added, e => Assert.Equal((AuditAction.Insert, "dm@t.org", "MRI 2023-01"), (e.Action, e.Who, e.Reason!)));
        Assert.Equal(new DateOnly(2023, 1, 10), _web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence)!.Date);
        // The restarted plan: every shown visit comes after the recurrence and is marked as the restarted plan.
        var page = await manager.GetStringAsync("/patients/PA2");
        var start = page.IndexOf("<ul id=\"next-visits\">", StringComparison.Ordinal);
        var after = page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
        var visits = NextVisit().Matches(after).Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, visits.Count);
        Assert.All(visits, d => Assert.True(d > new DateOnly(2023, 1, 10)));
        Assert.Equal(3, Regex.Count(after, "plan restarted after the local recurrence"));
    }

    [Fact]
    public async Task Event_RecordedOnARecordPageOpenedBeforeAnotherSave_IsRefusedAndOverwritesNothing()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var stale = await manager.GetStringAsync("/patients/PA2");
        Assert.Contains("<input type=\"hidden\" name=\"version\" value=\"1\" />", stale);
        var admin = await _web.SignedIn("admin@t.org");
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostForm(admin, "/patients/PA2/events/dm", new() { ["date"] = "2022-03-03", ["reason"] = "CT" })).StatusCode);
        var audited = _web.Audit("PA2").Count;

        var response = await WebHarness.PostFormFrom(manager, stale, "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = "MRI", ["version"] = "1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("was changed by admin@t.org at ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(audited, _web.Audit("PA2").Count);
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
        Assert.Equal(new DateOnly(2022, 3, 3), _web.Load("PA2")!.First(OutcomeEventKind.DistantMetastasis)!.Date);
    }

    [Fact]
    public async Task Death_WithCause_SetsCauseAndLastFollowUpToTheDeathDate()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/death", new() { ["date"] = "2022-02-02", ["cause"] = "sarcoma", ["reason"] = "death certificate" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = _web.Load("PA2")!;
        Assert.Equal((new DateOnly(2022, 2, 2), DeathCause.Sarcoma), (record.First(OutcomeEventKind.Death)!.Date, record.First(OutcomeEventKind.Death)!.Cause!.Value));
        Assert.Equal(new DateOnly(2022, 2, 2), TemplateCells.LastFollowUp(record));
    }

    [Fact]
    public async Task DistantMetastasis_BeforeLastFollowUp_KeepsTheLaterFollowUp()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/dm", new() { ["date"] = "2021-01-05", ["reason"] = "CT thorax" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = _web.Load("PA2")!;
        Assert.Equal(new DateOnly(2021, 1, 5), record.First(OutcomeEventKind.DistantMetastasis)!.Date);
        Assert.Equal(new DateOnly(2022, 4, 1), TemplateCells.LastFollowUp(record));
        Assert.Single(_web.Audit("PA2"), e => e.Action == AuditAction.Insert && e.Entity == "event");
        Assert.Equal(2, _web.Audit("PA2").Count);
    }

    [Fact]
    public async Task LastFollowUp_DataManager_ChangesOnlyThatField()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA1/events/followup", new() { ["date"] = "2024-05-06", ["reason"] = "clinic visit" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // A new contact on that date; nothing else changes.
        var change = Assert.Single(_web.Audit("PA1"), e => e.Action != AuditAction.Insert || e.Entity != "patient");
        Assert.Equal((AuditAction.Insert, "followup", "2024-05-06", "clinic visit"), (change.Action, change.Entity, change.Item!, change.Reason!));
    }

    [Theory]
    [InlineData("lr", "2019-01-01", "lr_date: 2019-01-01 is before surgery_date 2019-04-01")]
    [InlineData("dm", "2021-13-01", "dm_date: &#x27;2021-13-01&#x27; is not a date YYYY-MM-DD")]
    [InlineData("death", "2021-01-01", "lr_date: 2021-06-01 is after death_date 2021-01-01")]
    public async Task Event_Invalid_ShowsTheImportMessageAndChangesNothing(string kind, string date, string message)
    {
        var manager = await _web.SignedIn("dm@t.org");
        var audited = _web.Audit("PA1").Count;

        var response = await WebHarness.PostForm(manager, $"/patients/PA1/events/{kind}", new() { ["date"] = date, ["reason"] = "typo" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("Nothing was changed.", html);
        Assert.Equal(audited, _web.Audit("PA1").Count);
    }

    [Fact]
    public async Task Event_WithoutReason_ChangesNothing()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("reason: a reason for the change is required", await response.Content.ReadAsStringAsync());
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [Fact]
    public async Task Event_Investigator_Is403WithoutFormsAndChangesNothing()
    {
        var investigator = await _web.SignedIn("inv@t.org");
        Assert.DoesNotContain("/events/", await investigator.GetStringAsync("/patients/PA2"));

        var response = await WebHarness.PostForm(investigator, "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [Fact]
    public async Task Event_PatientOfAnotherCenter_Is404AndChangesNothing()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await WebHarness.PostForm(manager, "/patients/PB1/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(_web.Load("PB1")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [Theory]
    [InlineData("/patients/PB1/events/lr")]
    [InlineData("/patients/PB1/events/death")]
    [InlineData("/patients/PB1/edit")]
    public async Task Event_InvestigatorOfA_OnPatientOfB_IsRefusedAndChangesNothing(string url)
    {
        var investigator = await _web.SignedIn("inv@t.org");
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync("/patients/PB1")).StatusCode);

        var response = await WebHarness.PostForm(investigator, url, new() { ["date"] = "2023-01-10", ["center"] = "A", ["reason"] = "x" });

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.DoesNotContain("1960-05-01", await response.Content.ReadAsStringAsync());
        Assert.Single(_web.Audit("PB1"));
    }

    [Fact]
    public async Task Event_WithoutAntiforgeryToken_Is400()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var response = await manager.PostAsync("/patients/PA2/events/lr", new FormUrlEncodedContent(new Dictionary<string, string> { ["date"] = "2023-01-10", ["reason"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(_web.Load("PA2")!.First(OutcomeEventKind.LocalRecurrence));
    }

    [GeneratedRegex("<li>(\\d{4}-\\d{2}-\\d{2})[^<]*?: [^<]*</li>")]
    private static partial Regex NextVisit();
}
