// bench/web load client: USERS signed-in users (one cookie jar each) send ROUNDS rounds of the same fixed mix of
// pages to a running `sarc serve` at BASE, all at once, twice (cold, then warm), and it prints p50 / p95 / max per page
// and overall for each pass, and the number of errors (any status but 200). Users are u1@bench.org .. uN@bench.org with PASSWORD; each sees one center,
// and its record pages are patients it found on its own list.
// With SERVER_PID it also reads the server's CPU time (/proc/PID/stat) around the run, and afterwards sends each page
// 200 times from one user, one request at a time, for the server's CPU milliseconds per request of each page: what a
// page costs, whatever else the machine is doing (the wall-clock figures are only as good as the machine is quiet).
// Usage: LoadClient BASE USERS ROUNDS PASSWORD [SERVER_PID]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

var baseUrl = new Uri(args[0]);
var users = int.Parse(args[1], CultureInfo.InvariantCulture);
var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var password = args[3];
int? serverPid = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;

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
var errors = 0;
// Pass 1 starts right after sign-in on a server that has just started (its code still being compiled to its final
// tier: cold); pass 2 repeats the same mix on the now warm server, as a server that has run a while answers.
foreach (var pass in new[] { "pass 1 (cold: the server has just started)", "pass 2 (warm: the same mix again)" })
{
    var (times, passErrors, seconds, serverSeconds, clientSeconds) = await Pass();
    errors += passErrors;
    Console.WriteLine(pass);
    Console.WriteLine($"{"page",-32} {"n",6} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
    foreach (var page in pages)
    {
        Console.WriteLine(Row(page == "record" ? "/patients/{id}" : page, times[page]));
    }
    var requests = times.Values.Sum(t => t.Count);
    Console.WriteLine(Row("all", [.. times.Values.SelectMany(t => t)]));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{users} users, {requests} requests in {seconds:0.0} s ({requests / seconds:0} per s), {passErrors} errors"));
    if (serverPid is not null)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per request: server {1000 * serverSeconds / requests:0.00} ms, load client {1000 * clientSeconds / requests:0.00} ms ({serverSeconds:0.0} s and {clientSeconds:0.0} s in all)"));
    }
}

// One pass: every user sends ROUNDS rounds of the page mix, all users at once (USERS requests always in flight).
async Task<(Dictionary<string, List<double>> Times, int Errors, double Seconds, double ServerSeconds, double ClientSeconds)> Pass()
{
    var times = pages.ToDictionary(p => p, _ => new List<double>());
    var errors = 0;
    var gate = new object();
    var serverBefore = ServerCpu();
    var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
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
    return (times, errors, seconds, ServerCpu() - serverBefore, (Process.GetCurrentProcess().TotalProcessorTime - clientBefore).TotalSeconds);
}

// The server's CPU time in seconds (user + system), or 0 without SERVER_PID.
double ServerCpu()
{
    if (serverPid is null)
    {
        return 0;
    }
    // Fields after the command name "(...)": state is field 3, utime 14 and stime 15, in clock ticks (100 a second).
    var stat = File.ReadAllText($"/proc/{serverPid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static string Row(string name, List<double> t)
{
    t.Sort();
    double At(double q) => t[Math.Min(t.Count - 1, (int)Math.Ceiling(q * t.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"{name,-32} {t.Count,6} {At(0.50),8:0.0} {At(0.95),8:0.0} {t[^1],8:0.0}");
}

if (serverPid is not null)
{
    // Each page alone, one request at a time: the server's CPU cost of that page.
    const int Repeats = 200;
    Console.WriteLine("each page alone (warm), one request at a time: the server's CPU per request and the response size");
    Console.WriteLine($"{"page",-32} {"n",6} {"CPU ms",8} {"bytes",8}");
    foreach (var page in pages)
    {
        var before = ServerCpu();
        long bytes = 0;
        for (var i = 0; i < Repeats; i++)
        {
            var url = page == "record" ? "/patients/" + ids[0][i % ids[0].Length] : page;
            using var response = await clients[0].GetAsync(url);
            bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors++;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(page == "record" ? "/patients/{id}" : page),-32} {Repeats,6} {1000 * (ServerCpu() - before) / Repeats,8:0.00} {bytes,8}"));
    }
}
return errors == 0 ? 0 : 1;
