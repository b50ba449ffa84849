using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;

namespace Sarc.Web.Hosting;

/// <summary>Authenticates <c>Authorization: Bearer TOKEN</c> against the stored token hashes; anything else is no identity (401).</summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var user = users.FindByToken(header["Bearer ".Length..].Trim());
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown token"));
        }
        var ticket = new AuthenticationTicket(Claims.Principal(user, Name, TimeProvider.GetUtcNow()), Name);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }
}
