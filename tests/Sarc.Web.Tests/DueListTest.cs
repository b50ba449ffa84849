using System.Net;
using System.Text.Json;
using Sarc.Surveillance.Rules;

namespace Sarc.Web.Tests;

/// <summary>The due list has one shape on the CLI and the API, and the web follows the server's rule file (<c>sarc serve --rules</c>).</summary>
public sealed class DueListTest : IAsyncLifetime, IDisposable
{
    private readonly string _rules = Path.Combine(Path.GetTempPath(), $"sarc-web-rules-{Guid.NewGuid():N}.yaml");
    private WebHarness _web = null!;

    public async Task InitializeAsync()
    {
        // The built-in rules with the chest CT renamed: an exam name that only a page using this file can show.
        File.WriteAllText(_rules, RuleSet.DefaultText().Replace("chest_ct", "thorax_ct", StringComparison.Ordinal));
        _web = await WebHarness.StartAsync(configure: o => o with { Rules = RuleSet.Load(_rules) });
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    public void Dispose() => File.Delete(_rules);

    [Fact]
    public async Task ApiDue_IsWhatTheCliPrintsForTheSameRegistryAndRules()
    {
        // Before, the CLI wrote "patients" and the API "due" (with other keys in another order) for the same list.
        var cli = new StringWriter();
        Assert.Equal(0, Cli.SarcApp.Run(["surveillance", "due", "--db", _web.Database, "--as-of", "2022-06-01", "--within-days", "400", "--rules", _rules, "--json"], cli, new StringWriter()));

        var api = await _web.WithToken("admin@t.org").GetStringAsync("/api/surveillance/due?as_of=2022-06-01&within_days=400");

        Assert.Equal(cli.ToString().Trim(), api.Trim());
        Assert.Equal(3, JsonDocument.Parse(api).RootElement.GetProperty("patients").GetArrayLength());
    }

    [Fact]
    public async Task Worklist_CalendarAndRecord_FollowTheServersRuleFile()
    {
        var browser = await _web.SignedIn("admin@t.org");

        var worklist = await browser.GetStringAsync("/surveillance?as_of=2022-06-01&days=400");
        var calendar = await browser.GetStringAsync("/surveillance.ics?as_of=2022-06-01&days=400");
        var record = await browser.GetStringAsync("/patients/PA2");

        Assert.Contains("thorax_ct", worklist, StringComparison.Ordinal);
        Assert.DoesNotContain("chest_ct", worklist, StringComparison.Ordinal);
        Assert.Contains("thorax_ct", System.Text.RegularExpressions.Regex.Replace(calendar, "\r\n ", ""), StringComparison.Ordinal);
        Assert.Contains("thorax_ct", record, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("within_days=-1")]
    [InlineData("within_days=3651")]
    public async Task ApiDue_WindowOutOfRange_Is400WithTheRange(string window)
    {
        var response = await _web.WithToken("admin@t.org").GetAsync("/api/surveillance/due?as_of=2022-06-01&" + window);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("within_days must be a whole number from 0 to 3650", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
