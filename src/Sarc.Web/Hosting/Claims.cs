using System.Security.Claims;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;

namespace Sarc.Web.Hosting;

/// <summary>A <see cref="WebUser"/> as claims (name, role, one claim per center) and back.</summary>
internal static class Claims
{
    public const string Center = "sarc:center";

    public static ClaimsPrincipal Principal(WebUser user, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Email), new(ClaimTypes.Role, UserRoles.Code(user.Role)) };
        foreach (var center in user.Centers)
        {
            claims.Add(new Claim(Center, center));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static WebUser User(ClaimsPrincipal principal) => new(
        principal.Identity?.Name ?? throw new InvalidOperationException("an authenticated user has a name"),
        UserRoles.Parse(principal.FindFirstValue(ClaimTypes.Role) ?? ""),
        [.. principal.FindAll(Center).Select(c => c.Value)]);
}
