using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    /// <summary>Builds the application; <paramref name="configure"/> lets tests swap the server (TestServer).</summary>
    /// <exception cref="Sarc.Data.DataInputException">The database cannot be opened.</exception>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var users = UserStore.Open(options.Database, options.Clock);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(users);
        builder.Services.AddSingleton(options);
        // Cookies are Secure whenever the request is HTTPS (directly, or via X-Forwarded-Proto from a TLS proxy on
        // loopback); a plain-http --urls serves them non-Secure so that a local http://localhost trial still works.
        var secure = options.Urls.Contains("https://", StringComparison.OrdinalIgnoreCase) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.Configure<ForwardedHeadersOptions>(f => f.ForwardedHeaders = ForwardedHeaders.XForwardedProto);
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
                c.ExpireTimeSpan = TimeSpan.FromHours(8);
                c.SlidingExpiration = true;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.Name, null);
        builder.Services.AddAuthorizationBuilder()
            // Pages: a cookie; nothing is reachable anonymously unless marked so (the login page).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build())
            // API: a bearer token only, so that a browser cookie cannot drive the API cross-site.
            .AddPolicy(ApiPolicy, new AuthorizationPolicyBuilder(BearerTokenHandler.Name).RequireAuthenticatedUser().Build());
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders();
        app.Use(SecurityHeaders.Apply);
        app.UseAuthentication();
        app.UseAuthorization();
        ApiEndpoints.Map(app, options);
        HtmlPages.Map(app, options);
        StudyPages.Map(app, options);
        return app;
    }
}
