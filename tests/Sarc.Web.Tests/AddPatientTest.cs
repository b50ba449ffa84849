using System.Net;
using Sarc.Registry.Audit;

namespace Sarc.Web.Tests;

/// <summary>/patients/new: the template fields, the import's validation, the user's centers only, a required reason.</summary>
public sealed class AddPatientTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Form_DataManager_OffersOnlyTheirCenters()
    {
        var html = await (await _web.SignedIn("dm@t.org")).GetStringAsync("/patients/new");
        Assert.Contains("<select id=\"center\" name=\"center\"><option>A</option></select>", html);
        Assert.Contains("<input id=\"patient_id\" name=\"patient_id\" value=\"\" />", html);
    }

    [Fact]
    public async Task Add_DataManager_InsertsOneAuditedPatientAndRedirectsToTheRecord()
    {
        var response = await WebHarness.PostForm(await _web.SignedIn("dm@t.org"), "/patients/new", Fields("PA7", "A", "first visit"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/patients/PA7", response.Headers.Location!.ToString());
        var entry = Assert.Single(_web.Audit("PA7"));
        Assert.Equal((AuditAction.Insert, "dm@t.org", "first visit"), (entry.Action, entry.Who, entry.Reason!));
        Assert.Contains("\"histology\":\"8890/3\"", entry.NewValue);
        Assert.Equal("A", _web.Load("PA7")!.Patient.Center);
    }

    [Fact]
    public async Task Add_CenterNotTheirs_IsRefusedAndAddsNothing()
    {
        var response = await WebHarness.PostForm(await _web.SignedIn("dm@t.org"), "/patients/new", Fields("PB7", "B", "x"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("center: &#x27;B&#x27; is not one of your centers", await response.Content.ReadAsStringAsync());
        Assert.Null(_web.Load("PB7"));
    }

    [Fact]
    public async Task Add_ExistingIdOfAnotherCenter_DoesNotRevealIt()
    {
        var response = await WebHarness.PostForm(await _web.SignedIn("dm@t.org"), "/patients/new", Fields("PB1", "A", "x"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("patient_id: &#x27;PB1&#x27; cannot be used", await response.Content.ReadAsStringAsync());
        Assert.Equal("B", _web.Load("PB1")!.Patient.Center);
    }

    [Fact]
    public async Task Add_InvalidCells_ListsEveryImportMessageAndAddsNothing()
    {
        var fields = Fields("PA8", "A", "x");
        fields["grade"] = "4";
        fields["surgery_date"] = "2019-01-01";
        var response = await WebHarness.PostForm(await _web.SignedIn("dm@t.org"), "/patients/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("grade: &#x27;4&#x27; is not one of 1 | 2 | 3 | X", html);
        Assert.Contains("surgery_date: 2019-01-01 is before diagnosis_date 2019-03-01", html);
        // The form comes back filled in, so the user fixes only what is wrong.
        Assert.Contains("<input id=\"histology\" name=\"histology\" value=\"8890/3\" />", html);
        Assert.Null(_web.Load("PA8"));
        Assert.Empty(_web.Audit("PA8"));
    }

    [Fact]
    public async Task Add_WithoutReason_AddsNothing()
    {
        var response = await WebHarness.PostForm(await _web.SignedIn("admin@t.org"), "/patients/new", Fields("PA9", "A", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(_web.Load("PA9"));
    }

    [Fact]
    public async Task Add_Investigator_Is403()
    {
        var investigator = await _web.SignedIn("inv@t.org");
        Assert.Equal(HttpStatusCode.Forbidden, (await investigator.GetAsync("/patients/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WebHarness.PostForm(investigator, "/patients/new", Fields("PA9", "A", "x"))).StatusCode);
        Assert.Null(_web.Load("PA9"));
    }

    private static Dictionary<string, string> Fields(string id, string center, string reason) => new()
    {
        ["patient_id"] = id,
        ["center"] = center,
        ["sex"] = "M",
        ["birth_date"] = "1970-01-02",
        ["diagnosis_date"] = "2019-03-01",
        ["histology"] = "8890/3",
        ["site"] = "trunk",
        ["grade"] = "2",
        ["surgery_date"] = "2019-04-01",
        ["margin"] = "R1",
        ["last_followup_date"] = "2022-04-01",
        ["reason"] = reason,
    };
}
