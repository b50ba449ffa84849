using System.Net;
using Microsoft.Data.Sqlite;

namespace Sarc.Web.Tests;

/// <summary>Sign-in, lockout, anti-forgery, cookies and headers.</summary>
public sealed class LoginTest : IAsyncLifetime
{
    private WebHarness _web = null!;

    public async Task InitializeAsync() => _web = await WebHarness.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task Login_RightPassword_SetsHttpOnlySecureStrictCookie()
    {
        var response = await WebHarness.PostLogin(_web.Anonymous(), "DM@t.org", WebHarness.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sarc.auth", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_WrongPassword_Is401WithoutCookie()
    {
        var response = await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", "wrong-password");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sarc.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_FiveFailures_LocksEvenTheRightPassword()
    {
        var client = _web.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await WebHarness.PostLogin(client, "inv@t.org", "wrong-password");
        }
        var response = await WebHarness.PostLogin(client, "inv@t.org", WebHarness.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_FourFailuresThenSuccess_ResetsTheCount()
    {
        var client = _web.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            await WebHarness.PostLogin(client, "inv@t.org", "wrong-password");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostLogin(client, "inv@t.org", WebHarness.Password)).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            await WebHarness.PostLogin(client, "inv@t.org", "wrong-password");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await WebHarness.PostLogin(client, "inv@t.org", WebHarness.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        var response = await _web.Anonymous().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "dm@t.org",
            ["password"] = WebHarness.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var browser = await _web.SignedIn("dm@t.org");
        var page = await browser.GetStringAsync("/patients");
        var token = System.Text.RegularExpressions.Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\" />");
        var response = await browser.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/patients")).StatusCode);
    }

    [Fact]
    public async Task EveryResponse_CarriesCspAndNoFraming()
    {
        var response = await _web.Anonymous().GetAsync("/login");
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public void Storage_KeepsNeitherPasswordNorTokenInClear()
    {
        var token = _web.Users.CreateToken("inv@t.org");
        using var connection = new SqliteConnection($"Data Source={_web.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(password_hash) FROM web_user UNION ALL SELECT group_concat(sha256) FROM web_token";
        using var reader = command.ExecuteReader();
        var stored = "";
        while (reader.Read())
        {
            stored += reader.GetString(0);
        }
        Assert.DoesNotContain(WebHarness.Password, stored);
        Assert.DoesNotContain(token, stored);
        Assert.Equal("inv@t.org", _web.Users.FindByToken(token)?.Email);
    }
}
