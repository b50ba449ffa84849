using System.Net;
using Microsoft.Data.Sqlite;

namespace Sarc.Web.Tests;

/// <summary>
/// Access taken away ends at the next request: a disabled or deleted user's open browser session and API tokens, a
/// revoked token; and sessions end after an idle hour or twelve hours in all.
/// </summary>
public sealed class RevocationTest : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync(configure: o => o with { Clock = _clock });

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task DisabledUser_OpenSessionAndTokenStopAtTheNextRequest()
    {
        var browser = await _web.SignedIn("dm@t.org");
        var api = _web.WithToken("dm@t.org");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/patients/PA1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/patients/PA1")).StatusCode);

        _web.Users.SetDisabled("dm@t.org", disabled: true);

        var page = await browser.GetAsync("/patients/PA1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://localhost/login", page.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/patients/PA1")).StatusCode);
    }

    [Fact]
    public async Task DisabledUser_CannotChangeAPatientFromAFormOpenedBefore()
    {
        // The finding: a deleted user's browser session still edited patients.
        var browser = await _web.SignedIn("dm@t.org");
        var form = await browser.GetStringAsync("/patients/PA2");
        var audited = _web.Audit("PA2").Count;

        _web.Users.SetDisabled("dm@t.org", disabled: true);
        var response = await WebHarness.PostFormFrom(browser, form, "/patients/PA2/events/lr", new() { ["date"] = "2023-01-10", ["reason"] = "x" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/login", response.Headers.Location!.ToString());
        Assert.Equal(audited, _web.Audit("PA2").Count);
    }

    [Fact]
    public async Task DeletedUser_SessionAndTokenStop()
    {
        var browser = await _web.SignedIn("dm@t.org");
        var api = _web.WithToken("dm@t.org");
        using (var connection = new SqliteConnection($"Data Source={_web.Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM web_token WHERE email = 'dm@t.org'; DELETE FROM web_user_center WHERE email = 'dm@t.org'; DELETE FROM web_user WHERE email = 'dm@t.org'";
            command.ExecuteNonQuery();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/patients")).StatusCode);
    }

    [Fact]
    public async Task ReenabledUser_OldSessionStaysEnded()
    {
        var browser = await _web.SignedIn("dm@t.org");
        _web.Users.SetDisabled("dm@t.org", disabled: true);
        _web.Users.SetDisabled("dm@t.org", disabled: false);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await _web.SignedIn("dm@t.org")).GetAsync("/patients")).StatusCode);
    }

    [Fact]
    public async Task RevokedToken_IsRefusedAtTheNextRequest()
    {
        var token = _web.Users.CreateToken("inv@t.org");
        var api = _web.Anonymous();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/patients")).StatusCode);

        _web.Users.RevokeToken(token);

        var response = await api.GetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_IdleForAnHour_Ends()
    {
        var browser = await _web.SignedIn("dm@t.org");
        _clock.Now += TimeSpan.FromMinutes(59);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/patients")).StatusCode);

        _clock.Now += TimeSpan.FromMinutes(61);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/patients")).StatusCode);
    }

    [Fact]
    public async Task Session_ActiveForTwelveHours_Ends()
    {
        // A request every 55 minutes keeps the session from going idle; the twelve hours since sign-in still end it.
        var browser = await _web.SignedIn("dm@t.org");
        for (var request = 1; request <= 13; request++)
        {
            _clock.Now += TimeSpan.FromMinutes(55);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/patients")).StatusCode);
        }

        _clock.Now += TimeSpan.FromMinutes(55);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/patients")).StatusCode);
    }
}
