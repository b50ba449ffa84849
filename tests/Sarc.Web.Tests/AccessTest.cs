using System.Net;
using System.Text.Json;

namespace Sarc.Web.Tests;

/// <summary>Who may see and change what, tried through direct URLs of the API and the pages.</summary>
public sealed class AccessTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/patients")]
    [InlineData("/patients/PA1")]
    [InlineData("/patients/PA1/audit")]
    [InlineData("/surveillance")]
    [InlineData("/surveillance.ics?as_of=2022-06-01&days=30")]
    [InlineData("/patients/new")]
    [InlineData("/patients/PA1/edit")]
    [InlineData("/import")]
    [InlineData("/studies")]
    [InlineData("/studies/lr-dm-multistate")]
    [InlineData("/studies/runs/0123456789abcdef0123456789abcdef/")]
    [InlineData("/studies/runs/0123456789abcdef0123456789abcdef/results.json")]
    public async Task Page_Anonymous_RedirectsToLogin(string url)
    {
        var response = await _web.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/login", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/patients/PA1/events/lr")]
    [InlineData("/patients/PA1/edit")]
    [InlineData("/patients/new")]
    [InlineData("/import")]
    [InlineData("/logout")]
    public async Task Post_Anonymous_RedirectsToLoginAndChangesNothing(string url)
    {
        var audited = _web.Audit("PA1").Count;
        var response = await _web.Anonymous().PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["patient_id"] = "PA1",
            ["center"] = "A",
            ["grade"] = "1",
            ["date"] = "2023-01-01",
            ["reason"] = "x",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/login", response.Headers.Location!.ToString());
        Assert.Equal(audited, _web.Audit("PA1").Count);
    }

    [Theory]
    [InlineData("/patients/PB1")]
    [InlineData("/patients/PB1/audit")]
    [InlineData("/patients/PB1/edit")]
    public async Task Page_DataManagerOfA_PatientOfB_Is404(string url)
    {
        var response = await (await _web.SignedIn("dm@t.org")).GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("1960-05-01", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/patients")]
    [InlineData("/api/patients/PA1")]
    [InlineData("/api/surveillance/due?as_of=2022-06-01")]
    public async Task Api_WithoutToken_Is401(string url)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _web.Anonymous().GetAsync(url)).StatusCode);
        var forged = _web.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sarc_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Api_SignedInBrowserCookie_IsNotEnough()
    {
        // The API takes tokens only, so a page visited in the same browser cannot drive it with the session cookie.
        var browser = await _web.SignedIn("dm@t.org");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/patients")).StatusCode);
    }

    [Fact]
    public async Task Import_Anonymous_Is401AndChangesNothing()
    {
        var response = await _web.Anonymous().PostAsync("/api/import", WebHarness.Csv(WebHarness.Row("PA9", "A")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _web.WithToken("admin@t.org").GetAsync("/api/patients/PA9")).StatusCode);
    }

    [Fact]
    public async Task Patients_InvestigatorOfA_SeesOnlyCenterAWithoutBirthDates()
    {
        using var json = JsonDocument.Parse(await _web.WithToken("inv@t.org").GetStringAsync("/api/patients"));
        var patients = json.RootElement.GetProperty("patients").EnumerateArray().ToList();
        Assert.Equal(["PA1", "PA2"], patients.Select(p => p.GetProperty("patient_id").GetString()));
        Assert.All(patients, p => Assert.False(p.TryGetProperty("birth_date", out _)));
        Assert.All(patients, p => Assert.Equal("A", p.GetProperty("center").GetString()));
    }

    [Fact]
    public async Task Patients_DataManagerOfA_SeesBirthDates()
    {
        using var json = JsonDocument.Parse(await _web.WithToken("dm@t.org").GetStringAsync("/api/patients/PA1"));
        Assert.Equal("1960-05-01", json.RootElement.GetProperty("birth_date").GetString());
        Assert.Equal("2021-06-01", json.RootElement.GetProperty("lr_date").GetString());
    }

    [Fact]
    public async Task Patients_Admin_SeesEveryCenter()
    {
        using var json = JsonDocument.Parse(await _web.WithToken("admin@t.org").GetStringAsync("/api/patients"));
        Assert.Equal(["PA1", "PA2", "PB1"], json.RootElement.GetProperty("patients").EnumerateArray().Select(p => p.GetProperty("patient_id").GetString()));
    }

    [Fact]
    public async Task Patient_OfOtherCenter_Is404LikeAMissingOne()
    {
        var client = _web.WithToken("inv@t.org");
        var other = await client.GetAsync("/api/patients/PB1");
        var missing = await client.GetAsync("/api/patients/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await other.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/patients/PB1")]
    [InlineData("/patients/PB1/audit")]
    public async Task Page_OfOtherCenter_Is404(string url)
    {
        var browser = await _web.SignedIn("inv@t.org");
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task PatientList_Investigator_ListsOwnCenterOnly()
    {
        var browser = await _web.SignedIn("inv@t.org");
        var html = await browser.GetStringAsync("/patients");
        Assert.Contains(">PA1<", html);
        Assert.Contains(">PA2<", html);
        Assert.DoesNotContain("PB1", html);
        var filtered = await browser.GetStringAsync("/patients?center=B");
        Assert.Contains("0 patients", filtered);
    }

    [Fact]
    public async Task PatientRecord_Investigator_ShowsNoBirthDate()
    {
        var investigator = await (await _web.SignedIn("inv@t.org")).GetStringAsync("/patients/PA1");
        var manager = await (await _web.SignedIn("dm@t.org")).GetStringAsync("/patients/PA1");
        Assert.DoesNotContain("1960-05-01", investigator);
        Assert.Contains("1960-05-01", manager);
    }

    [Fact]
    public async Task AuditPage_Investigator_ShowsNoBirthDateButThatItChanged()
    {
        // The finding: the insert record's JSON and a birth date change showed the full date to investigators.
        var manager = await _web.SignedIn("dm@t.org");
        var edit = await manager.GetStringAsync("/patients/PA1/edit");
        var fields = System.Text.RegularExpressions.Regex.Matches(edit, "<input (?:id=\"[^\"]*\" |type=\"hidden\" )?name=\"([^\"]+)\"(?: required)? value=\"([^\"]*)\" />")
            .DistinctBy(m => m.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["birth_date"] = "1961-07-08";
        fields["reason"] = "typo in the birth date";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync("/patients/PA1/edit", new FormUrlEncodedContent(fields))).StatusCode);

        var investigator = await (await _web.SignedIn("inv@t.org")).GetStringAsync("/patients/PA1/audit");
        var managers = await manager.GetStringAsync("/patients/PA1/audit");

        Assert.DoesNotContain("1960-05-01", investigator, StringComparison.Ordinal);
        Assert.DoesNotContain("1961-07-08", investigator, StringComparison.Ordinal);
        Assert.Contains("<td>patient.birth_date</td><td>(hidden)</td><td>(hidden)</td><td>typo in the birth date</td>", investigator, StringComparison.Ordinal);
        Assert.Contains("&quot;histology&quot;:&quot;8890/3&quot;", investigator, StringComparison.Ordinal);
        Assert.Contains("<td>patient.birth_date</td><td>1960-05-01</td><td>1961-07-08</td>", managers, StringComparison.Ordinal);
        Assert.Contains("1960-05-01", managers.Split("patient.birth_date")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StudyReport_Investigator_HasNoBirthDate()
    {
        var client = await _web.SignedIn("inv@t.org");
        var form = await client.GetStringAsync("/studies/lr-dm-multistate");
        var run = await WebHarness.PostFormFrom(client, form, "/studies/lr-dm-multistate/run", []);
        var report = run.Headers.Location!.ToString();
        var index = await client.GetStringAsync(report);
        var files = System.Text.RegularExpressions.Regex.Matches(index, "(?:href|src)=\"([A-Za-z0-9_.-]+\\.(?:csv|json|svg|png))\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(files);
        Assert.DoesNotContain("1960-05-01", index, StringComparison.Ordinal);
        foreach (var file in files.Append("results.json"))
        {
            Assert.DoesNotContain("1960-05-01", await client.GetStringAsync(report + file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PatientRecord_ShowsRadiotherapyEventsAndNextVisits()
    {
        var html = await (await _web.SignedIn("dm@t.org")).GetStringAsync("/patients/PA1");
        Assert.Contains("local recurrence", html);
        Assert.Contains("Next surveillance visits", html);
        Assert.Matches("<h2>Next surveillance visits</h2><ul id=\"next-visits\"><li>\\d{4}-\\d{2}-\\d{2}", html);
    }

    [Fact]
    public async Task Due_Investigator_ListsOnlyOwnCenter()
    {
        var admin = JsonDocument.Parse(await _web.WithToken("admin@t.org").GetStringAsync("/api/surveillance/due?as_of=2022-06-01&within_days=3650"));
        var inv = JsonDocument.Parse(await _web.WithToken("inv@t.org").GetStringAsync("/api/surveillance/due?as_of=2022-06-01&within_days=3650"));
        var adminIds = admin.RootElement.GetProperty("patients").EnumerateArray().Select(d => d.GetProperty("patient_id").GetString()).ToList();
        var invIds = inv.RootElement.GetProperty("patients").EnumerateArray().Select(d => d.GetProperty("patient_id").GetString()).ToList();
        Assert.Contains("PB1", adminIds);
        Assert.DoesNotContain("PB1", invIds);
        Assert.Equal(adminIds.Where(id => id != "PB1"), invIds);
    }

    [Fact]
    public async Task Due_BadDate_Is400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _web.WithToken("inv@t.org").GetAsync("/api/surveillance/due?as_of=1.6.2022")).StatusCode);
    }
}
