using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;
using Sarc.Web.Hosting;

namespace Sarc.Web.Tests;

/// <summary>
/// A registry on a temporary SQLite file with patients PA1, PA2 (center A) and PB1 (center B), the users
/// admin@t.org, dm@t.org (data manager of A) and inv@t.org (investigator of A), and the web app started through its
/// entry point (<see cref="Program"/>) by <see cref="WebApplicationFactory{TEntryPoint}"/> on a TestServer, with the
/// <see cref="WebOptions"/> service replaced to point at that file.
/// </summary>
internal sealed partial class WebHarness : IAsyncDisposable
{
    public const string Password = "correct-horse-1";
    public const string Header = "patient_id,center,sex,birth_date,diagnosis_date,histology,site,grade,surgery_date,margin,last_followup_date,lr_date";

    private readonly string _directory;

    private WebHarness(string directory, string database, Factory factory, UserStore users)
    {
        _directory = directory;
        Database = database;
        App = factory;
        Users = users;
    }

    public WebApplicationFactory<Program> App { get; }

    public UserStore Users { get; }

    /// <summary>The registry's <c>--db</c> value.</summary>
    public string Database { get; }

    /// <summary>
    /// Seeds and starts; <paramref name="database"/> is a PostgreSQL connection string, or null for a temporary SQLite
    /// file; <paramref name="configure"/> changes the app's options (rules, limits, clock).
    /// </summary>
    public static Task<WebHarness> StartAsync(string? database = null, Func<WebOptions, WebOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sarc-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var db = database ?? Path.Combine(directory, "registry.db");
        var seed = Path.Combine(directory, "seed.csv");
        File.WriteAllText(seed, Header + "\n" + Row("PA1", "A", lr: "2021-06-01") + "\n" + Row("PA2", "A") + "\n" + Row("PB1", "B") + "\n");
        using (var store = RegistryStore.Open(db))
        {
            var result = RegistryImporter.ImportFile(store, seed, update: false, new AuditContext("seed", TimeProvider.System));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
        var users = UserStore.Open(db, IdentityPasswordHashing.Instance);
        users.AddUser("admin@t.org", UserRole.Admin, [], Password);
        users.AddUser("dm@t.org", UserRole.DataManager, ["A"], Password);
        users.AddUser("inv@t.org", UserRole.Investigator, ["A"], Password);
        var options = new WebOptions(db, "http://127.0.0.1:0");
        var factory = new Factory(configure is null ? options : configure(options));
        // Starts the app now, so that a broken start fails here rather than in the first request of a test.
        _ = factory.Server;
        return Task.FromResult(new WebHarness(directory, db, factory, users));
    }

    /// <summary>A template row of center <paramref name="center"/> with birth date 1960-05-01.</summary>
    public static string Row(string id, string center, string grade = "3", string lr = "") =>
        $"{id},{center},F,1960-05-01,2019-03-01,8890/3,extremity_lower,{grade},2019-04-01,R0,2022-04-01,{lr}";

    /// <summary>A client without any credentials; it keeps cookies, as a browser would, and never follows redirects, so tests see the 302s.</summary>
    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("https://localhost/"),
    });

    /// <summary>A client sending a fresh API token of <paramref name="email"/>.</summary>
    public HttpClient WithToken(string email)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Users.CreateToken(email));
        return client;
    }

    /// <summary>A browser-like client signed in through the login form (with its anti-forgery token).</summary>
    public async Task<HttpClient> SignedIn(string email)
    {
        var client = Anonymous();
        var response = await PostLogin(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostLogin(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the login form carries an anti-forgery token");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value),
            ["email"] = email,
            ["password"] = password,
        }));
    }

    /// <summary>Posts a form as a browser would: <paramref name="fields"/> plus the client's own anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostForm(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync("/surveillance?days=0"));
        Assert.True(token.Success, "signed-in pages carry an anti-forgery token");
        var all = new Dictionary<string, string>(fields) { [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a form with the anti-forgery token of <paramref name="page"/>, an earlier page of the same session (a form left open).</summary>
    public static async Task<HttpResponseMessage> PostFormFrom(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the page carries an anti-forgery token");
        var all = new Dictionary<string, string>(fields) { [token.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[2].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }

    /// <summary>A multipart upload to /import of <paramref name="content"/> named <paramref name="fileName"/>, with the client's token.</summary>
    public static async Task<HttpResponseMessage> Upload(HttpClient client, string fileName, byte[] content, string reason, bool update = false)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync("/surveillance?days=0"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[2].Value)), token.Groups[1].Value },
            { new StringContent(reason), "reason" },
            { new ByteArrayContent(content), "file", fileName },
        };
        if (update)
        {
            form.Add(new StringContent("on"), "update");
        }
        return await client.PostAsync("/import", form);
    }

    /// <summary>The audit trail of one patient, read straight from the database.</summary>
    public IReadOnlyList<AuditEntry> Audit(string id)
    {
        using var store = RegistryStore.Open(Database);
        return store.ReadAudit(id);
    }

    /// <summary>One patient, read straight from the database (null when absent).</summary>
    public Registry.Domain.PatientRecord? Load(string id)
    {
        using var store = RegistryStore.Open(Database);
        return store.LoadPatients().SingleOrDefault(p => p.Id == id);
    }

    public static StringContent Csv(params string[] rows) =>
        new(Header + "\n" + string.Join("\n", rows) + "\n", Encoding.UTF8, "text/csv");

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\" />")]
    private static partial Regex AntiforgeryField();

    /// <summary>The app of <see cref="Program"/>, on a TestServer, with the registry of this harness.</summary>
    private sealed class Factory(WebOptions options) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureTestServices(services => services.AddSingleton(options));
    }
}
