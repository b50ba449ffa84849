// bench/web load client: USERS signed-in users (one cookie jar each) send ROUNDS rounds of the same fixed mix of
// pages to a running `sarc serve` at BASE, all at once, and it prints p50 / p95 / max per page and overall, and the
// number of errors (any status but 200). Users are u1@bench.org .. uN@bench.org with PASSWORD; each sees one center,
// and its record pages are patients it found on its own list.
// Usage: LoadClient BASE USERS ROUNDS PASSWORD
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var baseUrl = new Uri(args[0]);
var users = int.Parse(args[1], CultureInfo.InvariantCulture);
var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var password = args[3];

var clients = new HttpClient[users];
var ids = new string[users][];
await Parallel.ForEachAsync(Enumerable.Range(0, users), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (u, _) =>
{
    var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 1 }) { BaseAddress = baseUrl };
    var login = await client.GetStringAsync("/login");
    var token = Regex.Match(login, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"");
    var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
        ["email"] = $"u{u + 1}@bench.org",
        ["password"] = password,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"u{u + 1}@bench.org could not sign in: {(int)response.StatusCode}");
    }
    var list = await client.GetStringAsync("/patients?page=3");
    ids[u] = [.. Regex.Matches(list, "href=\"/patients/([^\"/]+)\"").Select(m => m.Groups[1].Value).Distinct().Take(10)];
    if (ids[u].Length == 0)
    {
        throw new InvalidOperationException($"u{u + 1}@bench.org sees no patient");
    }
    clients[u] = client;
});

string[] pages = ["/patients", "/patients?q=12", "/patients?page=40", "/patients?grade=3&site=trunk", "record", "/surveillance"];
var times = pages.ToDictionary(p => p, _ => new List<double>());
var errors = 0;
var gate = new object();
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, users).Select(async u =>
{
    for (var r = 0; r < rounds; r++)
    {
        foreach (var page in pages)
        {
            var url = page == "record" ? "/patients/" + ids[u][r % ids[u].Length] : page;
            var start = Stopwatch.GetTimestamp();
            using var response = await clients[u].GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            lock (gate)
            {
                times[page].Add(ms);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors++;
                }
            }
        }
    }
}));
var seconds = clock.Elapsed.TotalSeconds;

static string Row(string name, List<double> t)
{
    t.Sort();
    double At(double q) => t[Math.Min(t.Count - 1, (int)Math.Ceiling(q * t.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"{name,-32} {t.Count,6} {At(0.50),8:0.0} {At(0.95),8:0.0} {t[^1],8:0.0}");
}

Console.WriteLine($"{"page",-32} {"n",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var page in pages)
{
    Console.WriteLine(Row(page == "record" ? "/patients/{id}" : page, times[page]));
}
Console.WriteLine(Row("all", [.. times.Values.SelectMany(t => t)]));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{users} users, {times.Values.Sum(t => t.Count)} requests in {seconds:0.0} s, {errors} errors"));
return errors == 0 ? 0 : 1;
