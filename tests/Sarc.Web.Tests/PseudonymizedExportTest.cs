using System.IO.Compression;
using System.Net;
using Sarc.Interop.Pseudonymization;

namespace Sarc.Web.Tests;

/// <summary>
/// <c>GET /export/pseudonymized.zip</c>: the pseudonymized long export of the patients the user may see, with the
/// server's key — an investigator of center A gets A's patients pseudonymized and nothing of center B.
/// </summary>
public sealed class PseudonymizedExportTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private async Task<Dictionary<string, string>> Download(string email)
    {
        var response = await (await _web.SignedIn(email)).GetAsync("/export/pseudonymized.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        return zip.Entries.ToDictionary(e => e.Name, e => new StreamReader(e.Open()).ReadToEnd());
    }

    [Fact]
    public async Task Investigator_GetsTheirCentersPatientsPseudonymizedAndNoOtherCenters()
    {
        var files = await Download("inv@t.org");

        Assert.Equal(["events.csv", "followup.csv", "patients.csv", "radiotherapy.csv", "surgeries.csv", "systemic.csv"], files.Keys.Order(StringComparer.Ordinal));
        var key = PseudonymKey.Read(_web.Database + ".pseudonym.key");
        var patients = files["patients.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(new[] { key.Pseudonym("PA1"), key.Pseudonym("PA2") }.Order(StringComparer.Ordinal), patients.Select(p => p.Split(',')[0]).Order(StringComparer.Ordinal));
        Assert.All(patients, p => Assert.Matches("^[A-Z2-7]{16},A,F,\\d{4},", p));
        var all = string.Concat(files.Values);
        Assert.DoesNotContain("PA1", all);
        Assert.DoesNotContain("PB1", all);
        Assert.DoesNotContain(key.Pseudonym("PB1"), all);
        Assert.DoesNotContain("1960-05-01", all);
    }

    [Fact]
    public async Task Admin_GetsEveryCenter()
    {
        var files = await Download("admin@t.org");

        var key = PseudonymKey.Read(_web.Database + ".pseudonym.key");
        Assert.Contains(key.Pseudonym("PB1"), files["patients.csv"]);
        Assert.Equal(4, files["patients.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Anonymous_RedirectsToLogin()
    {
        var response = await _web.Anonymous().GetAsync("/export/pseudonymized.zip");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
