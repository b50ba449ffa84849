using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Registry.Accounts;
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

        app.MapPost("/login", async (HttpContext http, IAntiforgery af, UserStore users) =>
        {
            var query = http.Request.QueryString.Value ?? "";
            if (!await af.IsRequestValidAsync(http))
            {
                return Html.Expired("/login" + query);
            }
            var form = await http.Request.ReadFormAsync();
            var (outcome, user) = users.CheckPassword(form[LoginPage.EmailField].ToString(), form[LoginPage.PasswordField].ToString());
            if (outcome != SignInOutcome.Succeeded || user is null)
            {
                var message = outcome switch
                {
                    SignInOutcome.LockedOut => "This account is locked after too many failed sign-ins; try again later.",
                    SignInOutcome.Disabled => "This account is disabled; ask an administrator.",
                    _ => "Wrong e-mail or password.",
                };
                return Html.Page<LoginPage>(new { Message = message, Query = query }, StatusCodes.Status401Unauthorized);
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            var returnUrl = http.Request.Query["ReturnUrl"].ToString();
            // Only local paths, so the login cannot be used as an open redirect.
            return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/patients");
        }).AllowAnonymous();

        app.MapPost("/logout", async (HttpContext http, IAntiforgery af) =>
        {
            if (!await af.IsRequestValidAsync(http))
            {
                return Html.Expired("/patients");
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }
}
