
namespace Sarc.Web.Hosting;

/// <summary>
/// Headers on every response, error pages included (set as the response starts, so nothing that clears the response
/// loses them): a strict CSP (no inline script, no framing), X-Frame-Options DENY, no sniffing, no referrer, and no
/// caching of what may be patient data.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /// <summary>The headers and their values, as every response carries them.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Frame-Options"] = "DENY",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
    };

    public static Task Apply(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            foreach (var (name, value) in All)
            {
                context.Response.Headers[name] = value;
            }
            return Task.CompletedTask;
        });
        return next();
    }
}
