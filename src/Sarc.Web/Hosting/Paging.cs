using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sarc.Web.Hosting;

/// <summary>The paging of the long lists (patients, worklist): pages of <c>page</c> (from 1) and links to the pages on either side.</summary>
internal static class Paging
{
    /// <summary>The query field of the page number.</summary>
    public const string Field = "page";

    /// <summary>The address of this request (path and every query field) on page <paramref name="page"/>.</summary>
    public static string Url(HttpContext http, int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Request.Query)
        {
            query[key] = value.ToString();
        }
        query[Field] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(http.Request.Path, query);
    }

    /// <summary>The page before <paramref name="page"/>, or null on the first.</summary>
    public static string? Previous(HttpContext http, int page) => page > 1 ? Url(http, page - 1) : null;

    /// <summary>The page after <paramref name="page"/> of <paramref name="pages"/>, or null on the last.</summary>
    public static string? Next(HttpContext http, int page, int pages) => page < pages ? Url(http, page + 1) : null;
}
