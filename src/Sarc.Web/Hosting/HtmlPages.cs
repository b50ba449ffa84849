using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sarc.Registry.Template;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;

namespace Sarc.Web.Hosting;

/// <summary>
/// The server-rendered pages' shell (layout, encoding, anti-forgery field, error list) and login/logout; the page
/// families are in <see cref="PatientPages"/>, <see cref="DataEntryPages"/>, <see cref="ImportPage"/> and
/// <see cref="WorklistPages"/>. Plain HTML, every value encoded, no script (the CSP forbids inline script anyway);
/// all data through <see cref="Access.PatientAccess"/>.
/// </summary>
internal static class HtmlPages
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/", () => Results.Redirect("/patients"));

        app.MapGet("/login", (HttpContext http, IAntiforgery af) => Page(http, "Sign in", LoginForm(http, null), signedIn: false))
            .AllowAnonymous();

        app.MapPost("/login", async (HttpContext http, IAntiforgery af, UserStore users) =>
        {
            if (!await af.IsRequestValidAsync(http))
            {
                return Expired();
            }
            var form = await http.Request.ReadFormAsync();
            var (outcome, user) = users.CheckPassword(form["email"].ToString(), form["password"].ToString());
            if (outcome != SignInOutcome.Succeeded || user is null)
            {
                var message = outcome == SignInOutcome.LockedOut
                    ? "This account is locked after too many failed sign-ins; try again later."
                    : "Wrong e-mail or password.";
                return Page(http, "Sign in", LoginForm(http, message), signedIn: false, StatusCodes.Status401Unauthorized);
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            var returnUrl = http.Request.Query["ReturnUrl"].ToString();
            // Only local paths, so the login cannot be used as an open redirect.
            return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/patients");
        }).AllowAnonymous();

        app.MapPost("/logout", async (HttpContext http, IAntiforgery af) =>
        {
            await af.ValidateRequestAsync(http);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });

        PatientPages.Map(app, options);
        DataEntryPages.Map(app, options);
        ImportPage.Map(app, options);
        WorklistPages.Map(app, options);
    }

    /// <summary>A whole page: title, navigation (with the sign-out form) when signed in, and <paramref name="body"/> (HTML).</summary>
    public static IResult Page(HttpContext http, string title, string body, bool signedIn = true, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(title)).Append(" · Sarc</title><style>body{font-family:sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.2rem .6rem;text-align:left}dt{font-weight:bold}.error{color:#b00}.events{display:flex;flex-wrap:wrap;gap:1rem}.events form{border:1px solid #ccc;padding:.5rem}</style></head><body><header>");
        if (signedIn)
        {
            var canWrite = Claims.User(http.User).CanWrite;
            html.Append("<nav><a href=\"/patients\">Patients</a> · ");
            if (canWrite)
            {
                html.Append("<a href=\"/patients/new\">Add patient</a> · <a href=\"/import\">Import</a> · ");
            }
            html.Append("<a href=\"/surveillance\">Surveillance</a> · <a href=\"/studies\">Studies</a> · ").Append(E(http.User.Identity?.Name))
                .Append(" <form method=\"post\" action=\"/logout\" style=\"display:inline\">").Append(Antiforgery(http))
                .Append("<button id=\"sign-out\">Sign out</button></form></nav>");
        }
        html.Append("<h1>").Append(E(title)).Append("</h1></header><main>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden anti-forgery field every POST form carries.</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>
    /// The problems of a rejected change, each as <c>column: problem</c> for a one-record form (its "line 2" means
    /// nothing to the user) or <c>line N: column: problem</c> for a file, then "nothing changed".
    /// </summary>
    public static void Errors(StringBuilder html, IReadOnlyList<ImportError> errors, bool withLines, string nothing = "Nothing was changed.")
    {
        if (errors.Count == 0)
        {
            return;
        }
        html.Append("<ul class=\"error\" id=\"errors\">");
        foreach (var e in errors)
        {
            html.Append("<li>").Append(E(withLines ? e.ToString() : $"{e.Column}: {e.Problem}")).Append("</li>");
        }
        html.Append("</ul><p class=\"error\">").Append(E(nothing)).Append("</p>");
    }

    public static IResult NotFound(HttpContext http) => Page(http, "Not found", "<p>No such patient.</p>", status: StatusCodes.Status404NotFound);

    public static IResult Forbidden(HttpContext http) =>
        Page(http, "Forbidden", "<p>Your role cannot change the registry.</p>", status: StatusCodes.Status403Forbidden);

    public static IResult Expired() => Results.BadRequest("The form expired; reload the page.");

    /// <summary>HTML-encodes <paramref name="text"/> (null: empty).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string LoginForm(HttpContext http, string? message)
    {
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append("<p class=\"error\">").Append(E(message)).Append("</p>");
        }
        html.Append("<form method=\"post\" action=\"/login").Append(E(http.Request.QueryString.Value)).Append("\">").Append(Antiforgery(http))
            .Append("<label>E-mail <input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required></label> ")
            .Append("<label>Password <input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required></label> ")
            .Append("<button id=\"sign-in\">Sign in</button></form>");
        return html.ToString();
    }
}
