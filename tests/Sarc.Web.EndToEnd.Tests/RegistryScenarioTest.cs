using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;
using static Microsoft.Playwright.Assertions;

namespace Sarc.Web.EndToEnd.Tests;

/// <summary>The issue's scenario in a real browser: sign in, add a patient, record a local recurrence, run the LR/DM study, sign out.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RegistryScenarioTest
{
    private const string NewPatient = "E2E-1";

    private readonly BrowserServer _server;

    public RegistryScenarioTest(BrowserServer server) => _server = server;

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnTheLoginPageWithAMessage()
    {
        var page = await _server.NewPageAsync();
        await page.GotoAsync("/patients");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));

        await page.GetByLabel("E-mail").FillAsync(BrowserServer.DataManager);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.Locator(".error")).ToHaveTextAsync("Wrong e-mail or password.");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_ThenSignOut_PagesRedirectToTheLoginAgain()
    {
        var page = await SignedIn(BrowserServer.DataManager);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Patients" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/login$"));
        await page.GotoAsync("/surveillance");

        await Expect(page).ToHaveURLAsync(new Regex("/login\\?ReturnUrl="));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PatientList_Investigator_SeesOnlyTheirCenter()
    {
        var page = await SignedIn(BrowserServer.Investigator);

        var centers = await page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync();

        Assert.NotEmpty(centers);
        Assert.All(centers, c => Assert.Equal("HAM", c));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AddPatient_ThenRecordLocalRecurrence_RestartsTheSurveillancePlan()
    {
        var surgery = new DateOnly(2020, 1, 15);
        var lastSeen = new DateOnly(2024, 1, 10);
        var lr = new DateOnly(2024, 3, 1);
        var planner = new SurveillancePlanner(RuleSet.Default);
        var before = planner.Schedule(TumorGrade.G3, "extremity_lower", surgery).Visits.First(v => v.Date > lastSeen);
        // Recording the LR moves the last follow-up forward to it; the restarted plan counts from the LR.
        var after = planner.Schedule(TumorGrade.G3, "extremity_lower", surgery, lr).Visits.First(v => v.Date > lr);
        Assert.True(after.AfterLocalRecurrence && after.Date != before.Date, "the case must tell the two plans apart");
        var page = await SignedIn(BrowserServer.DataManager);
        await AddPatient(page, NewPatient, surgery, lastSeen);
        await Expect(page.Locator("#next-visits > li").First).ToContainTextAsync(Date(before.Date));

        await page.Locator("#add-events").ClickAsync();
        await page.Locator("#date").FillAsync(Date(lr));
        await page.Locator("#kind").SelectOptionAsync("local_recurrence");
        await page.Locator("#reason").FillAsync("LR seen on the follow-up MRI");
        await page.Locator("#save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/patients/" + NewPatient + "$"));
        await Expect(page.Locator("#timeline tr.events")).ToContainTextAsync(Date(lr));
        await Expect(page.Locator("#timeline tr.events")).ToContainTextAsync("Kind: local recurrence");
        await Expect(page.Locator("#next-visits > li").First).ToContainTextAsync(Date(after.Date));
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Expect(page.Locator("main table")).ToContainTextAsync("LR seen on the follow-up MRI");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AddSurgery_ShowsOnTheTimelineInDateOrder()
    {
        var page = await SignedIn(BrowserServer.DataManager);
        await AddPatient(page, "E2E-2", new DateOnly(2020, 1, 15), new DateOnly(2024, 1, 10));
        await Expect(page.Locator("#lists")).ToContainTextAsync("Systemic therapy: none recorded");

        await page.Locator("#add-surgeries").ClickAsync();
        await page.Locator("#date").FillAsync("2022-05-20");
        await page.Locator("#kind").SelectOptionAsync("metastasectomy");
        await page.Locator("#target").SelectOptionAsync("lung");
        await page.Locator("#lesions").FillAsync("2");
        await page.Locator("#max_lesion_cm").FillAsync("1.5");
        await page.Locator("#reason").FillAsync("thoracic surgery report");
        await page.Locator("#save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/patients/E2E-2$"));
        var surgeries = page.Locator("#timeline tr.surgeries");
        await Expect(surgeries).ToHaveCountAsync(2);
        await Expect(surgeries.Nth(1)).ToContainTextAsync("2022-05-20");
        await Expect(surgeries.Nth(1)).ToContainTextAsync("Kind: metastasectomy");
        await Expect(surgeries.Nth(1)).ToContainTextAsync("Lesions: 2");
        // Date order: the primary surgery, the metastasectomy, then the last contact.
        var dates = await page.Locator("#timeline tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["2020-01-15", "2022-05-20", "2024-01-10"], dates);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RunLrDmStudy_ShowsItsKaplanMeierFigure()
    {
        var page = await SignedIn(BrowserServer.DataManager);

        await page.GetByRole(AriaRole.Link, new() { Name = "Studies" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Local recurrence as a risk factor for distant metastasis and death" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the study" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(RunUrl(), new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sarc study report" })).ToBeVisibleAsync();
        var figure = page.GetByRole(AriaRole.Img, new() { Name = "Distant metastasis-free survival by grade" });
        await Expect(figure).ToBeVisibleAsync();
        // Visible is not enough: the SVG must have been fetched (same-origin, owner's cookie) and decoded.
        Assert.True(await figure.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the Kaplan-Meier SVG loads");
        var json = await page.Context.APIRequest.GetAsync(page.Url + "results.json");
        Assert.Equal(200, json.Status);
        await page.Context.CloseAsync();
    }

    /// <summary>Adds patient <paramref name="id"/> of center MUC through the form; the page is then on the record.</summary>
    private static async Task AddPatient(IPage page, string id, DateOnly surgery, DateOnly lastSeen)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add patient" }).ClickAsync();
        var fields = new Dictionary<string, string>
        {
            ["patient_id"] = id, ["sex"] = "F", ["birth_date"] = "1961-02-03", ["diagnosis_date"] = "2019-12-10",
            ["histology"] = "8890/3", ["site"] = "extremity_lower", ["grade"] = "3", ["surgery_date"] = Date(surgery),
            ["margin"] = "R0", ["last_followup_date"] = Date(lastSeen), ["reason"] = "new referral",
        };
        foreach (var (name, value) in fields)
        {
            await page.Locator("#" + name).FillAsync(value);
        }
        await page.Locator("#center").SelectOptionAsync("MUC");
        await page.Locator("#save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/patients/" + id + "$"));
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IPage> SignedIn(string email)
    {
        var page = await _server.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(BrowserServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/patients$"));
        return page;
    }

    [GeneratedRegex("/studies/runs/[0-9a-f]{32}/$")]
    private static partial Regex RunUrl();
}
