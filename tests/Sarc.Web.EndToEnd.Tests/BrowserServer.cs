using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sarc.Registry.Audit;
using Sarc.Studies.Running;
using Sarc.Studies.Simulation;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;
using Sarc.Web.Hosting;

namespace Sarc.Web.EndToEnd.Tests;

/// <summary>
/// One web server and one browser shared by every end-to-end test: the app on Kestrel at a free port of 127.0.0.1,
/// over a temporary SQLite registry simulated as for <c>sarc demo</c> (400 patients of centers MUC, BER and HAM, so
/// the LR/DM study has events), with the users
/// <see cref="DataManager"/> (centers MUC and BER) and <see cref="Investigator"/> (HAM); and the Debian
/// <c>chromium</c> driven headless by Playwright (its own browser download does not work offline).
/// </summary>
public sealed class BrowserServer : IAsyncLifetime
{
    public const string Password = "e2e-correct-horse";
    public const string DataManager = "dm@e2e.org";
    public const string Investigator = "inv@e2e.org";

    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sarc-e2e-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var db = Path.Combine(_directory, "registry.db");
        var registry = RegistrySimulator.Write(Path.Combine(_directory, "registry"), SimulationOptions.Default with { Patients = 400, Seed = 7 });
        var audit = new AuditContext("e2e setup", TimeProvider.System);
        StudyData.ImportNew(registry.Folder, db, audit).Dispose();
        var users = UserStore.Open(db, IdentityPasswordHashing.Instance);
        users.AddUser(DataManager, UserRole.DataManager, ["MUC", "BER"], Password);
        users.AddUser(Investigator, UserRole.Investigator, ["HAM"], Password);

        _app = SarcWebApp.Build(new WebOptions(db, "http://127.0.0.1:0"));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-test-dependencies (Debian package chromium)");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>A fresh page in its own browser context (own cookies), so tests do not share a session.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
