using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>Sign-in (the one anonymous page), sign-out, and <c>/</c>.</summary>
internal static class LoginEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/patients"));

        app.MapGet("/login", (HttpContext http) => Html.Page<LoginPage>(new { Query = http.Request.QueryString.Value ?? "" }))
            .AllowAnonymous();

        app.MapPost("/login", async (HttpContext http, IAntiforgery af, UserStore users, LoginThrottle throttle, WebOptions options) =>
        {
            var query = http.Request.QueryString.Value ?? "";
            if (await Forms.ReadAsync(http, af) is not { } form)
            {
                return Html.Expired("/login" + query);
            }
            var email = form[LoginPage.EmailField].ToString();
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (throttle.RetryAfter(email, address) is { } wait)
            {
                var minutes = (int)Math.Ceiling(wait.TotalMinutes);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Html.Page<LoginPage>(new { Message = $"Too many failed sign-ins; try again in {minutes} minute{(minutes == 1 ? "" : "s")}.", Query = query }, StatusCodes.Status429TooManyRequests);
            }
            var (outcome, user) = users.CheckPassword(email, form[LoginPage.PasswordField].ToString());
            if (outcome != SignInOutcome.Succeeded || user is null)
            {
                throttle.Failed(email, address);
                var message = outcome switch
                {
                    SignInOutcome.LockedOut => "This account is locked after too many failed sign-ins; try again later.",
                    SignInOutcome.Disabled => "This account is disabled; ask an administrator.",
                    _ => "Wrong e-mail or password.",
                };
                return Html.Page<LoginPage>(new { Message = message, Query = query }, StatusCodes.Status401Unauthorized);
            }
            throttle.Succeeded(email);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme, options.Clock.GetUtcNow()));
            return Results.Redirect(ReturnUrls.After(http.Request.Query["ReturnUrl"].ToString()));
        }).AllowAnonymous();

        app.MapPost("/logout", async (HttpContext http, IAntiforgery af) =>
        {
            if (await Forms.ReadAsync(http, af) is null)
            {
                return Html.Expired("/patients");
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }
}
