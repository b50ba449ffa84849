using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sarc.Registry.Accounts;

namespace Sarc.Web.Hosting;

/// <summary>
/// Checks a browser session against the account on every request, so that access an administrator takes away is gone
/// at the next request: the session ends when the account was deleted or disabled, when its security stamp changed
/// since sign-in, or when the session is older than <see cref="WebOptions.SessionLifetime"/> (the idle limit is the
/// cookie's own sliding expiry).
/// </summary>
internal static class SessionValidation
{
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<WebOptions>();
        var email = context.Principal?.Identity?.Name;
        var current = email is null ? null : services.GetRequiredService<UserStore>().Find(email);
        var stamp = context.Principal?.FindFirst(Claims.Stamp)?.Value;
        var tooOld = !DateTimeOffset.TryParse(context.Principal?.FindFirst(Claims.SignedIn)?.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedIn)
            || signedIn + options.SessionLifetime <= options.Clock.GetUtcNow();
        if (current is null || current.Disabled || current.SecurityStamp != stamp || tooOld)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
