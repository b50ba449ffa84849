using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sarc.Registry.Template;
using Sarc.Testing;
using Sarc.Web.Hosting;

namespace Sarc.Web.Tests;

/// <summary>
/// The access rule of every route, proven route by route: docs/web.md's route table is read, every route the app maps
/// must have a row (and every row a route), and each row's request is sent as admin, data manager and investigator of
/// center A, for a patient (or run) of their own and of another center (user), and anonymously. The status, who sees
/// a birth date, and the security headers must be what the table says.
/// </summary>
public sealed partial class RouteTableTest : IAsyncLifetime
{
    private const string BirthDate = "1960-05-01";
    private const string Study = "lr-dm-multistate";

    private static readonly (string Email, string Column)[] Roles = [("admin@t.org", "admin"), ("dm@t.org", "data manager"), ("inv@t.org", "investigator")];

    private WebHarness _web = null!;
    private int _fresh;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public void Table_HasOneRowForEveryRouteTheAppMaps()
    {
        var mapped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in _web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
            {
                mapped.Add($"{method} {pattern}");
            }
        }

        var rows = Table().Select(r => r.Route).ToList();

        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.True(mapped.Except(rows).ToList() is [], "routes without a row in docs/web.md: " + string.Join(", ", mapped.Except(rows)));
        Assert.True(rows.Except(mapped).ToList() is [], "rows of docs/web.md without a route: " + string.Join(", ", rows.Except(mapped)));
    }

    [Fact]
    public async Task EveryRoute_AnswersEachRoleAndCenterAsTheTableSays()
    {
        var who = new Dictionary<string, Who>(StringComparer.Ordinal);
        foreach (var (email, _) in Roles)
        {
            who[email] = new Who(email, await _web.SignedIn(email), _web.WithToken(email));
        }
        var anonymous = new Who(null, _web.Anonymous(), _web.Anonymous());
        var problems = new List<string>();
        // The run route first: each user's run is what the report routes then ask for as "own" (and the others' as "other").
        foreach (var row in Table().OrderBy(r => r.Route == $"POST /studies/{{id}}/run" ? 0 : 1))
        {
            foreach (var (email, column) in Roles)
            {
                var expected = row.Expected[column];
                // A row with one status per role has no own/other (no patient or run in it): one request is enough.
                foreach (var own in row.OwnAndOther ? new[] { true, false } : [true])
                {
                    var response = await Send(row.Route, who[email], own, who);
                    var body = await response.Content.ReadAsStringAsync();
                    var where = $"{row.Route} as {column} ({(own ? "own" : "other")})";
                    Check(problems, where, response, own ? expected.Own : expected.Other);
                    if (row.Route == $"POST /studies/{{id}}/run" && own)
                    {
                        who[email].Run = response.Headers.Location?.OriginalString;
                    }
                    if (response.StatusCode == HttpStatusCode.OK && body.Contains(BirthDate, StringComparison.Ordinal) != row.BirthDateSeenBy.Contains(column))
                    {
                        problems.Add($"{where}: birth date {(row.BirthDateSeenBy.Contains(column) ? "missing" : "shown")}");
                    }
                }
            }
            var anonymousResponse = await Send(row.Route, anonymous, own: true, who);
            Check(problems, $"{row.Route} anonymously", anonymousResponse, row.Anonymous);
            if (anonymousResponse.StatusCode == HttpStatusCode.Redirect && !row.Route.Contains(" /login", StringComparison.Ordinal)
                && !anonymousResponse.Headers.Location!.ToString().StartsWith("https://localhost/login?ReturnUrl=", StringComparison.Ordinal))
            {
                problems.Add($"{row.Route} anonymously: redirected to {anonymousResponse.Headers.Location} rather than the sign-in page");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Check(List<string> problems, string where, HttpResponseMessage response, int expected)
    {
        if ((int)response.StatusCode != expected)
        {
            problems.Add($"{where}: {(int)response.StatusCode}, expected {expected}");
        }
        foreach (var (name, value) in SecurityHeaders.All)
        {
            var actual = response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : [];
            if (!actual.Contains(value))
            {
                problems.Add($"{where}: header {name} missing");
            }
        }
    }

    /// <summary>The request of <paramref name="route"/> as <paramref name="who"/>, for their own center (run) or another.</summary>
    private async Task<HttpResponseMessage> Send(string route, Who who, bool own, IReadOnlyDictionary<string, Who> everyone)
    {
        var patient = own ? "PA1" : "PB1";
        var center = own ? "A" : "B";
        var browser = who.Browser;
        var signedIn = who.Email is not null;
        switch (route)
        {
            case "GET /":
                return await browser.GetAsync("/");
            case "GET /login":
                return await browser.GetAsync("/login");
            case "POST /login":
                return await WebHarness.PostLogin(_web.Anonymous(), who.Email ?? "dm@t.org", signedIn ? WebHarness.Password : "wrong-password");
            case "POST /logout":
                return signedIn ? await WebHarness.PostForm(await _web.SignedIn(who.Email!), "/logout", []) : await browser.PostAsync("/logout", Form([]));
            case "GET /patients":
                return await browser.GetAsync("/patients");
            case "GET /patients/new":
                return await browser.GetAsync("/patients/new");
            case "POST /patients/new":
                return await Post(who, "/patients/new", NewPatient(Fresh(center), center));
            case "GET /patients/{id}":
                return await browser.GetAsync($"/patients/{patient}");
            case "GET /patients/{id}/audit":
                return await browser.GetAsync($"/patients/{patient}/audit");
            case "GET /patients/{id}/edit":
                return await browser.GetAsync($"/patients/{patient}/edit");
            case "POST /patients/{id}/edit":
                return await Post(who, $"/patients/{patient}/edit", CurrentValues(patient));
            case "GET /patients/{id}/{list}/new":
                return await browser.GetAsync($"/patients/{patient}/events/new");
            case "POST /patients/{id}/{list}/new":
                return await Post(who, $"/patients/{patient}/followup/new", new() { ["date"] = $"2023-01-{1 + (_fresh++ % 28):00}", ["status"] = "ned", ["reason"] = "clinic visit" });
            case "GET /patients/{id}/{list}/{number:int}":
                return await browser.GetAsync($"/patients/{patient}/surgeries/1");
            case "POST /patients/{id}/{list}/{number:int}":
                return await Post(who, $"/patients/{patient}/followup/1", new() { ["date"] = $"2022-05-{1 + (_fresh++ % 28):00}", ["status"] = "", ["reason"] = "date corrected" });
            case "POST /patients/{id}/{list}/{number:int}/remove":
                // Each successful add above left a contact to remove.
                return await Post(who, $"/patients/{patient}/followup/1/remove", new() { ["reason"] = "entered twice" });
            case "GET /import":
                return await browser.GetAsync("/import");
            case "POST /import":
                return signedIn
                    ? await WebHarness.Upload(browser, "batch.csv", Encoding.UTF8.GetBytes(WebHarness.Header + "\n" + WebHarness.Row(Fresh(center), center) + "\n"), "batch")
                    : await browser.PostAsync("/import", new MultipartFormDataContent());
            case "GET /surveillance":
                return await browser.GetAsync("/surveillance?as_of=2022-06-01&days=400");
            case "GET /surveillance.ics":
                return await browser.GetAsync("/surveillance.ics?as_of=2022-06-01&days=400");
            case "GET /export/pseudonymized.zip":
                return await browser.GetAsync("/export/pseudonymized.zip");
            case "GET /studies":
                return await browser.GetAsync("/studies");
            case "GET /studies/{id}":
                return await browser.GetAsync($"/studies/{Study}");
            case "POST /studies/{id}/run":
                return await Post(who, $"/studies/{Study}/run", []);
            case "GET /studies/runs/{run}":
                return await browser.GetAsync(Run(who, own, everyone));
            case "GET /studies/runs/{run}/{file}":
                return await browser.GetAsync(Run(who, own, everyone) + "results.json");
            case "GET /api/patients":
                return await who.Api.GetAsync("/api/patients");
            case "GET /api/patients/{id}":
                return await who.Api.GetAsync($"/api/patients/{patient}");
            case "GET /api/patients/{id}/predictions":
                return await who.Api.GetAsync($"/api/patients/{patient}/predictions");
            case "POST /api/import":
                return await who.Api.PostAsync("/api/import", WebHarness.Csv(WebHarness.Row(Fresh(center), center)));
            case "GET /api/surveillance/due":
                return await who.Api.GetAsync("/api/surveillance/due?as_of=2022-06-01");
            case "* /api/{**rest}":
                return await who.Api.GetAsync("/api/no/such/thing");
            default:
                throw new InvalidOperationException($"no request for the route '{route}': add one here when you add a row to docs/web.md");
        }
    }

    private static async Task<HttpResponseMessage> Post(Who who, string url, Dictionary<string, string> fields) =>
        who.Email is null ? await who.Browser.PostAsync(url, Form(fields)) : await WebHarness.PostForm(who.Browser, url, fields);

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    /// <summary>A run of <paramref name="who"/> (own) or of another user (other); anonymous asks for the admin's.</summary>
    private static string Run(Who who, bool own, IReadOnlyDictionary<string, Who> everyone)
    {
        var owner = who.Email is null || own ? who.Email ?? "admin@t.org" : who.Email == "dm@t.org" ? "admin@t.org" : "dm@t.org";
        return everyone[owner].Run ?? throw new InvalidOperationException($"{owner} has no run yet");
    }

    private string Fresh(string center) => $"P{center}N{_fresh++}";

    private Dictionary<string, string> CurrentValues(string patient)
    {
        var cells = TemplateCells.Of(_web.Load(patient)!);
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = "checked against the chart" };
        for (var c = 0; c < cells.Length; c++)
        {
            values[TemplateColumns.Names[c]] = cells[c];
        }
        return values;
    }

    private static Dictionary<string, string> NewPatient(string id, string center) => new()
    {
        ["patient_id"] = id, ["center"] = center, ["sex"] = "M", ["birth_date"] = "1970-01-02", ["diagnosis_date"] = "2019-03-01",
        ["histology"] = "8890/3", ["site"] = "trunk", ["grade"] = "2", ["surgery_date"] = "2019-04-01", ["margin"] = "R1",
        ["last_followup_date"] = "2022-04-01", ["reason"] = "new referral",
    };

    /// <summary>The rows of docs/web.md's route table.</summary>
    private static List<Row> Table()
    {
        var doc = File.ReadAllText(Fixture.PathOf("docs", "web.md"));
        var start = doc.IndexOf("<!-- route-table -->", StringComparison.Ordinal);
        var end = doc.IndexOf("<!-- /route-table -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/web.md has the route table between its markers");
        var rows = new List<Row>();
        foreach (var line in doc[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(6, cells.Length);
            var expected = new Dictionary<string, (int Own, int Other)>(StringComparer.Ordinal);
            for (var r = 0; r < Roles.Length; r++)
            {
                var parts = cells[1 + r].Split('/', StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
                expected[Roles[r].Column] = (parts[0], parts[^1]);
            }
            var seenBy = cells[5] == "—" ? [] : cells[5].Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            rows.Add(new Row(cells[0].Trim('`'), expected, cells[1..4].Any(c => c.Contains('/', StringComparison.Ordinal)), int.Parse(cells[4]), seenBy));
        }
        return rows;
    }

    private sealed record Row(string Route, IReadOnlyDictionary<string, (int Own, int Other)> Expected, bool OwnAndOther, int Anonymous, IReadOnlySet<string> BirthDateSeenBy);

    private sealed class Who(string? email, HttpClient browser, HttpClient api)
    {
        public string? Email { get; } = email;

        public HttpClient Browser { get; } = browser;

        public HttpClient Api { get; } = api;

        /// <summary>The report URL of the run this user started.</summary>
        public string? Run { get; set; }
    }
}
