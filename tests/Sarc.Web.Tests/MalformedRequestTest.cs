using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sarc.Web.Hosting;

namespace Sarc.Web.Tests;

/// <summary>
/// Every route the app maps (found in its EndpointDataSource, so a new one is probed too), asked with malformed ids,
/// query strings and bodies by a signed-in admin (pages) and an admin token (API): never a 500, always a readable
/// answer (a page or JSON) with the security headers. Before, 17 such requests answered 500.
/// </summary>
public sealed partial class MalformedRequestTest : IAsyncLifetime
{
    /// <summary>
    /// Route values a user can type: a path climb, a very long one, non-ASCII, markup, SQL, percent signs. (A NUL in the
    /// path never reaches the app: Kestrel answers 400 itself, and the test server refuses to send it.)
    /// </summary>
    private static readonly string[] Values =
    [
        "..%2F..%2Fregistry.db", new string('x', 3000), "%C3%A9%F0%9F%98%80", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201%3D1--", "%25", "%FF%FE", " ",
    ];

    /// <summary>Query strings of every parameter a route reads, each malformed or out of range on its own.</summary>
    private static readonly string[] Queries =
    [
        "?page=abc", "?page=-1", "?page=99999999999", "?page=2147483647", "?q=%00", "?center=%FF", "?site=zzz&grade=9",
        "?as_of=9999-12-31", "?as_of=0001-01-01", "?as_of=2022-02-30", "?as_of=%00", "?days=abc", "?days=-1", "?days=99999999999",
        "?as_of=2022-01-01&within_days=abc", "?as_of=2022-01-01&within_days=-1", "?as_of=9999-12-31&within_days=3650",
        "?as_of=2022-01-01&within_days=99999999999", "?reason=%00", "?ReturnUrl=%5C%5Cevil.example", "?page=1&page=2",
    ];

    private WebHarness _web = null!;
    private HttpClient _browser = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _web = await WebHarness.StartAsync();
        _browser = await _web.SignedIn("admin@t.org");
        _api = _web.WithToken("admin@t.org");
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task MalformedIdsAndQueries_AreAnsweredWithoutA500()
    {
        var problems = new List<string>();
        foreach (var (method, pattern) in Routes())
        {
            var urls = new List<string>();
            foreach (var parameter in Parameters().Matches(pattern).Select(m => m.Value))
            {
                urls.AddRange(Values.Select(v => Url(pattern, parameter, v)));
            }
            urls.AddRange(Queries.Select(q => Url(pattern, null, null) + q));
            foreach (var url in urls)
            {
                await Probe(problems, method == "*" ? "GET" : method, url, method == "POST" ? Form(url) : null);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task MalformedBodies_AreAnsweredWithoutA500()
    {
        var problems = new List<string>();
        var token = AntiforgeryToken(await _browser.GetStringAsync("/import"));
        foreach (var (_, pattern) in Routes().Where(r => r.Method == "POST"))
        {
            var url = Url(pattern, null, null);
            var bodies = new Func<HttpContent?>[]
            {
                () => null,
                () => new StringContent("{\"patient_id\": [1, {}]}", Encoding.UTF8, "application/json"),
                () => new ByteArrayContent([0xFF, 0xFE, 0x00, 0x01]),
                () => new StringContent("garbage", Encoding.UTF8, "multipart/form-data"),
                () => WithType(new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"), "multipart/form-data; boundary=xyz"),
                () => new StringContent("%%%=%%%&=&a", Encoding.UTF8, "application/x-www-form-urlencoded"),
                () => new FormUrlEncodedContent(new Dictionary<string, string> { [token.Name] = token.Value, ["grade"] = "\0", ["date"] = "\0", ["reason"] = "\0" }),
                () => new FormUrlEncodedContent(new Dictionary<string, string> { [token.Name] = token.Value }),
                () => new MultipartFormDataContent { { new StringContent(token.Value), token.Name }, { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x00]), "file", "evil.xlsx" }, { new StringContent("r"), "reason" } },
            };
            foreach (var body in bodies)
            {
                await Probe(problems, "POST", url, body());
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task Probe(List<string> problems, string method, string url, HttpContent? body)
    {
        var client = url.StartsWith("/api", StringComparison.Ordinal) ? _api : _browser;
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var where = $"{method} {url[..Math.Min(url.Length, 90)]} ({body?.Headers.ContentType?.MediaType ?? "no body"})";
        if ((int)response.StatusCode >= 500)
        {
            problems.Add($"{where}: {(int)response.StatusCode}");
        }
        else if ((int)response.StatusCode >= 400 && text.Length == 0)
        {
            problems.Add($"{where}: {(int)response.StatusCode} with an empty body");
        }
        if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || !csp.Contains(SecurityHeaders.ContentSecurityPolicy))
        {
            problems.Add($"{where}: no CSP");
        }
    }

    /// <summary>Every (method, pattern) the app maps.</summary>
    private List<(string Method, string Pattern)> Routes() =>
    [
        .. _web.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/')))),
    ];

    /// <summary>The pattern with sample values, <paramref name="parameter"/> (if any) replaced by <paramref name="value"/>.</summary>
    private static string Url(string pattern, string? parameter, string? value) => Parameters().Replace(pattern, m => m.Value == parameter ? value! : m.Value switch
    {
        "{id}" => pattern.StartsWith("/studies", StringComparison.Ordinal) ? "lr-dm-multistate" : "PA1",
        "{kind}" => "lr",
        "{run}" => "0123456789abcdef0123456789abcdef",
        "{file}" => "results.json",
        _ => "anything",
    });

    private static HttpContent WithType(HttpContent content, string type)
    {
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static FormUrlEncodedContent Form(string url) => new(new Dictionary<string, string> { ["reason"] = url.Length > 100 ? "long" : "x" });

    private static (string Name, string Value) AntiforgeryToken(string page)
    {
        var match = Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\" />");
        return (match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameters();
}
