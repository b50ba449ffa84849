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

    [Theory]
    [InlineData("/%5Cevil.example/")]
    [InlineData("/%09/evil.example/")]
    [InlineData("/%0D%0A/evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%C3%A9")]
    public async Task Login_ReturnUrlABrowserCouldTakeOffSite_GoesToThePatientList(string returnUrl)
    {
        // Browsers read "/\host" as "//host" and drop tabs and newlines, so these left the site after signing in.
        var response = await PostLogin(_web.Anonymous(), "/login?ReturnUrl=" + returnUrl.Replace("\\", "%5C", StringComparison.Ordinal), "dm@t.org", WebHarness.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/patients", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/patients/PA1", "/patients/PA1")]
    [InlineData("/surveillance?as_of=2022-06-01%26days=3", "/surveillance?as_of=2022-06-01&days=3")]
    public async Task Login_LocalReturnUrl_GoesBackThere(string returnUrl, string expected)
    {
        var response = await PostLogin(_web.Anonymous(), "/login?ReturnUrl=" + returnUrl, "dm@t.org", WebHarness.Password);

        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_UnknownEmail_AnswersExactlyAsAWrongPasswordAndLocksAlike()
    {
        // The lockout message appeared for real accounts only, so it told which e-mails have one.
        var known = new List<(HttpStatusCode, string)>();
        var unknown = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await Answer(await WebHarness.PostLogin(_web.Anonymous(), "inv@t.org", "wrong-password")));
            unknown.Add(await Answer(await WebHarness.PostLogin(_web.Anonymous(), "nobody@t.org", "wrong-password")));
        }

        Assert.Equal(known, unknown);
        Assert.Contains("Wrong e-mail or password.", known[0].Item2, StringComparison.Ordinal);
        Assert.Contains("locked", known[5].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ExpiredForm_IsAPageWithAWayBack()
    {
        // It used to answer a bare JSON string.
        var response = await _web.Anonymous().PostAsync("/login?ReturnUrl=%2Fimport", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "dm@t.org",
            ["password"] = WebHarness.Password,
            ["__RequestVerificationToken"] = "stale",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>The form expired</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a id=\"back\" href=\"/login?ReturnUrl=%2Fimport\">Open the form again</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_DisabledAccountWithRightPassword_SaysSoAndSignsNothingIn()
    {
        _web.Users.SetDisabled("dm@t.org", disabled: true);

        var response = await WebHarness.PostLogin(_web.Anonymous(), "dm@t.org", WebHarness.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("This account is disabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sarc.auth", StringComparison.Ordinal)));
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

    private static async Task<HttpResponseMessage> PostLogin(HttpClient client, string url, string email, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\" />");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["email"] = email,
            ["password"] = password,
        }));
    }

    private static async Task<(HttpStatusCode, string)> Answer(HttpResponseMessage response) =>
        (response.StatusCode, System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "<p class=\"error\">[^<]*</p>").Value);

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
