using System.Net;
using System.Text.RegularExpressions;
using Sarc.Registry.Storage;

namespace Sarc.Web.Tests;

/// <summary>The patient edit form: import validation, a required reason, one audit record per changed field, center rule.</summary>
public sealed partial class EditFormTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Edit_DataManager_WritesOneAuditRecordWithOldNewAndReason()
    {
        var before = AuditCount("PA1");
        var response = await Submit(await _web.SignedIn("dm@t.org"), "PA1", new() { ["grade"] = "2", ["reason"] = "pathology review" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var store = RegistryStore.Open(_web.Database);
        var added = store.ReadAudit("PA1").Skip(before).ToList();
        var entry = Assert.Single(added);
        Assert.Equal("grade", entry.Field);
        Assert.Equal("3", entry.OldValue);
        Assert.Equal("2", entry.NewValue);
        Assert.Equal("dm@t.org", entry.Who);
        Assert.Equal("pathology review", entry.Reason);
        Assert.Null(entry.SourceFile);
        Assert.Equal(Registry.Domain.FnclccGrade.G2, store.LoadPatients().Single(p => p.Id == "PA1").Tumor.Grade);
    }

    [Fact]
    public async Task Edit_InvalidValue_ShowsTheImportMessageAndChangesNothing()
    {
        var before = AuditCount("PA1");
        var response = await Submit(await _web.SignedIn("dm@t.org"), "PA1", new() { ["grade"] = "7", ["reason"] = "typo" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("grade: &#x27;7&#x27; is not one of 1 | 2 | 3 | X", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, AuditCount("PA1"));
    }

    [Fact]
    public async Task Edit_WithoutReason_ChangesNothing()
    {
        var before = AuditCount("PA1");
        var response = await Submit(await _web.SignedIn("dm@t.org"), "PA1", new() { ["grade"] = "2", ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, AuditCount("PA1"));
    }

    [Fact]
    public async Task Edit_MovingPatientToAnotherCenter_IsRefused()
    {
        var before = AuditCount("PA1");
        var response = await Submit(await _web.SignedIn("dm@t.org"), "PA1", new() { ["center"] = "B", ["reason"] = "moved" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, AuditCount("PA1"));
    }

    [Fact]
    public async Task Edit_Investigator_Is403AndChangesNothing()
    {
        var investigator = await _web.SignedIn("inv@t.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync("/patients/PA1/edit")).StatusCode);
        // A form lifted from a data manager's session, posted with the investigator's own anti-forgery token.
        var before = AuditCount("PA1");
        var token = Field().Match(await investigator.GetStringAsync("/patients"));
        var response = await investigator.PostAsync("/patients/PA1/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[2].Value] = WebUtility.HtmlDecode(token.Groups[3].Value),
            ["grade"] = "2",
            ["reason"] = "x",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, AuditCount("PA1"));
    }

    [Fact]
    public async Task Edit_PatientOfAnotherCenter_Is404()
    {
        var before = AuditCount("PB1");
        var manager = await _web.SignedIn("dm@t.org");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/patients/PB1/edit")).StatusCode);
        var token = Field().Match(await manager.GetStringAsync("/patients"));
        var response = await manager.PostAsync("/patients/PB1/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[2].Value] = WebUtility.HtmlDecode(token.Groups[3].Value),
            ["center"] = "A",
            ["reason"] = "x",
        }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, AuditCount("PB1"));
    }

    [Fact]
    public async Task Edit_SavedOnAPageOpenedBeforeAnotherSave_IsRefusedNamingWhoAndWhen()
    {
        var manager = await _web.SignedIn("dm@t.org");
        var stale = await manager.GetStringAsync("/patients/PA1/edit");
        Assert.Contains("<input type=\"hidden\" name=\"version\" value=\"1\" />", stale);
        Assert.Equal(HttpStatusCode.Redirect, (await Submit(await _web.SignedIn("admin@t.org"), "PA1", new() { ["grade"] = "2", ["reason"] = "review" })).StatusCode);
        var before = AuditCount("PA1");

        var response = await Post(manager, stale, "PA1", new() { ["grade"] = "1", ["reason"] = "my review" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"'PA1' was changed by admin@t\.org at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC since you opened it \(version 1, now 2\); nothing was saved", html);
        Assert.Equal(before, AuditCount("PA1"));
        Assert.Equal(Registry.Domain.FnclccGrade.G2, _web.Load("PA1")!.Tumor.Grade);
        // Opened again, the form carries the new version and saves.
        Assert.Equal(HttpStatusCode.Redirect, (await Submit(manager, "PA1", new() { ["grade"] = "1", ["reason"] = "my review" })).StatusCode);
        Assert.Equal(3, _web.Load("PA1")!.Version);
    }

    /// <summary>Posts the edit form as it was on <paramref name="page"/> (every prefilled value), with <paramref name="changes"/>.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient client, string page, string id, Dictionary<string, string> changes)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Field().Matches(page))
        {
            fields[m.Groups[2].Value] = WebUtility.HtmlDecode(m.Groups[3].Value);
        }
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }
        return await client.PostAsync($"/patients/{id}/edit", new FormUrlEncodedContent(fields));
    }

    /// <summary>Loads the edit form, keeps every prefilled value, overrides <paramref name="changes"/> and posts it.</summary>
    private static async Task<HttpResponseMessage> Submit(HttpClient client, string id, Dictionary<string, string> changes) =>
        await Post(client, await client.GetStringAsync($"/patients/{id}/edit"), id, changes);

    private int AuditCount(string id)
    {
        using var store = RegistryStore.Open(_web.Database);
        return store.ReadAudit(id).Count;
    }

    [GeneratedRegex("<input (id=\"[^\"]*\" |type=\"hidden\" )?name=\"([^\"]+)\"(?: required)? value=\"([^\"]*)\" />")]
    private static partial Regex Field();
}
