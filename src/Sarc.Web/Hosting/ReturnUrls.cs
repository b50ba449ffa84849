namespace Sarc.Web.Hosting;

/// <summary>Where the sign-in sends the browser: the page it came from, when that is certainly a page of this site.</summary>
internal static class ReturnUrls
{
    /// <summary>The page after sign-in.</summary>
    public const string Default = "/patients";

    /// <summary><paramref name="returnUrl"/> when <see cref="IsLocal"/>, otherwise <see cref="Default"/>.</summary>
    public static string After(string? returnUrl) => returnUrl is not null && IsLocal(returnUrl) ? returnUrl : Default;

    /// <summary>
    /// Whether <paramref name="url"/> is a path of this site that no browser can turn into another site: it starts with
    /// one <c>/</c> not followed by <c>/</c> or <c>\</c>, and has only printable ASCII other than <c>\</c> (browsers read
    /// <c>/\host</c> as <c>//host</c> and drop tabs and newlines, so <c>/%09/host</c> would leave too).
    /// </summary>
    public static bool IsLocal(string url)
    {
        if (url.Length == 0 || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return false;
        }
        foreach (var c in url)
        {
            if (c is <= ' ' or >= '\u007f' or '\\')
            {
                return false;
            }
        }
        return true;
    }
}
