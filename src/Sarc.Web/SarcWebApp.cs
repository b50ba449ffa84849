using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging;
using Sarc.Registry.Accounts;
using Sarc.Registry.Models;
using Sarc.Studies.Reports.Html;
using Sarc.Web.Accounts;
using Sarc.Web.Hosting;

namespace Sarc.Web;

/// <summary>
/// <c>sarc serve</c>: the registry as a web application on the same database as the CLI. Pages use an HTTP-only,
/// secure, SameSite=Strict cookie; the JSON API under <c>/api</c> uses bearer tokens. Every endpoint except the login
/// page requires an authenticated user; every POST form carries an anti-forgery token.
/// </summary>
public static class SarcWebApp
{
    internal const string ApiPolicy = "api";

    /// <summary>
    /// Builds the application. The database and clock come from the <see cref="WebOptions"/> service, which is
    /// <paramref name="options"/> unless a host replaces it before the app is built (WebApplicationFactory's
    /// <c>ConfigureTestServices</c> in the tests); <paramref name="configure"/> can change the builder likewise.
    /// </summary>
    /// <exception cref="Sarc.Data.DataInputException">The database cannot be opened.</exception>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(options);
        // The worklist's planner records per center, kept while the registry's data version stands (PlanCache).
        builder.Services.AddSingleton<Access.PlanCache>();
        // Pages are Razor components rendered on the server; text outside ASCII (α/β, dashes) is written as is, not as entities.
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton(HtmlEncoding.Encoder);
        builder.Services.AddSingleton(services =>
        {
            var effective = services.GetRequiredService<WebOptions>();
            return UserStore.Open(effective.Database, IdentityPasswordHashing.Instance, effective.Clock);
        });
        // The prediction models registered for patient records (sarc model register), in the same database.
        builder.Services.AddSingleton(services => ModelStore.Open(services.GetRequiredService<WebOptions>().Database));
        // Cookies are Secure whenever the request is HTTPS (directly, or via X-Forwarded-Proto from a TLS proxy on
        // loopback); a plain-http --urls serves them non-Secure so that a local http://localhost trial still works.
        var secure = options.Urls.Contains("https://", StringComparison.OrdinalIgnoreCase) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        // From a TLS proxy on loopback (the default known proxies) also the client's address, which sign-in limits count by.
        builder.Services.Configure<ForwardedHeadersOptions>(f => f.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor);
        builder.Services.AddSingleton<LoginThrottle>();
        // Kestrel's own cap only needs to let the largest allowed body through; RequestLimits applies each route's limit.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(options.MaxUploadBytes, options.MaxFormBytes));
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "sarc.af";
            a.Cookie.SecurePolicy = secure;
            a.Cookie.HttpOnly = true;
        });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(c =>
            {
                c.Cookie.Name = "sarc.auth";
                c.Cookie.HttpOnly = true;
                c.Cookie.SecurePolicy = secure;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.LoginPath = "/login";
                c.LogoutPath = "/logout";
                c.SlidingExpiration = true;
                c.Events.OnValidatePrincipal = SessionValidation.Validate;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.Name, null);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<WebOptions>((c, effective) =>
        {
            c.ExpireTimeSpan = effective.SessionIdle;
            c.TimeProvider = effective.Clock;
        });
        builder.Services.AddAuthorizationBuilder()
            // Pages: a cookie; nothing is reachable anonymously unless marked so (the login page).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            // API: a bearer token only, so that a browser cookie cannot drive the API cross-site.
            .AddPolicy(ApiPolicy, new AuthorizationPolicyBuilder(BearerTokenHandler.Name).RequireAuthenticatedUser().Build());
        configure?.Invoke(builder);

        var app = builder.Build();
        options = app.Services.GetRequiredService<WebOptions>();
        // Opened now, so that a database that cannot be opened stops `sarc serve` at once with its one-line message.
        app.Services.GetRequiredService<UserStore>();
        app.UseForwardedHeaders();
        app.Use(SecurityHeaders.Apply);
        app.Use(ErrorPages.Handle);
        app.UseStatusCodePages(ErrorPages.ForStatus);
        app.Use(RequestLimits.Apply);
        app.UseAuthentication();
        app.UseAuthorization();
        ApiEndpoints.Map(app, options);
        LoginEndpoints.Map(app);
        PatientEndpoints.Map(app, options);
        DataEntryEndpoints.Map(app, options);
        ImportEndpoints.Map(app, options);
        WorklistEndpoints.Map(app, options);
        ExportEndpoints.Map(app, options);
        StudyEndpoints.Map(app, options);
        return app;
    }
}
