using System.Security.Claims;
using Sarc.Registry.Accounts;

namespace Sarc.Web.Hosting;

/// <summary>A <see cref="WebUser"/> as claims (name, role, one claim per center, the security stamp) and back.</summary>
internal static class Claims
{
    public const string Center = "sarc:center";

    /// <summary>The account's <see cref="WebUser.SecurityStamp"/> at sign-in; a session whose stamp is no longer the account's has ended.</summary>
    public const string Stamp = "sarc:stamp";

    /// <summary>When the session began (ISO 8601 UTC), for its absolute lifetime: the cookie's own issue time moves with every renewal.</summary>
    public const string SignedIn = "sarc:signed_in";

    public static ClaimsPrincipal Principal(WebUser user, string scheme, DateTimeOffset signedIn)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Email),
            new(ClaimTypes.Role, UserRoles.Code(user.Role)),
            new(Stamp, user.SecurityStamp),
            new(SignedIn, signedIn.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        };
        foreach (var center in user.Centers)
        {
            claims.Add(new Claim(Center, center));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static WebUser User(ClaimsPrincipal principal) => new(
        principal.Identity?.Name ?? throw new InvalidOperationException("an authenticated user has a name"),
        UserRoles.Parse(principal.FindFirstValue(ClaimTypes.Role) ?? ""),
        [.. principal.FindAll(Center).Select(c => c.Value)])
    {
        SecurityStamp = principal.FindFirstValue(Stamp) ?? "",
    };
}
