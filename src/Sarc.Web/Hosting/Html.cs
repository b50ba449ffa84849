using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// Pages as results of the minimal API handlers: a Razor component (<c>Sarc.Web.Pages</c>) rendered on the server,
/// every value encoded by the renderer, with the status the handler chose; the pages every family shares; and the
/// addresses of the pages of a long list.
/// </summary>
internal static class Html
{
    /// <summary>The page <typeparamref name="TPage"/> with <paramref name="parameters"/> (an object whose properties are the component's parameters).</summary>
    public static RazorComponentResult<TPage> Page<TPage>(object? parameters = null, int status = StatusCodes.Status200OK) where TPage : IComponent =>
        new(parameters ?? new { }) { StatusCode = status };

    /// <summary>A page that says one thing, in the error style, with a link on when given.</summary>
    public static RazorComponentResult<MessagePage> Message(string title, string message, int status, Link? back = null) =>
        Page<MessagePage>(new { Title = title, Message = message, IsError = status >= 400, Back = back }, status);

    /// <summary>404 for a patient that does not exist or that the user may not see (the two are not told apart).</summary>
    public static IResult NotFound(string message = "No such patient.") =>
        Message("Not found", message, StatusCodes.Status404NotFound, new Link("/patients", "Patients"));

    /// <summary>403 for a change an investigator asked for.</summary>
    public static IResult Forbidden() =>
        Message("Forbidden", "Your role cannot change the registry.", StatusCodes.Status403Forbidden, new Link("/patients", "Patients"));

    /// <summary>
    /// 400 for a form whose anti-forgery token is missing or no longer valid (an old page, a new session since it was
    /// opened): nothing was done, and the link opens the form again.
    /// </summary>
    public static IResult Expired(string formUrl) =>
        Message("The form expired", "This form was opened too long ago or in another session, so nothing was done. Open it again and submit it once more.",
            StatusCodes.Status400BadRequest, new Link(formUrl, "Open the form again"));

    /// <summary>The query field of a long list's page number (the patients, the worklist's due list), counted from 1.</summary>
    public const string PageField = "page";

    /// <summary>The address of this request (path and every query field) on page <paramref name="page"/> of its list.</summary>
    public static string PageUrl(HttpContext http, int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Request.Query)
        {
            query[key] = value.ToString();
        }
        query[PageField] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(http.Request.Path, query);
    }

    /// <summary>The page before <paramref name="page"/>, or null on the first.</summary>
    public static string? PreviousPage(HttpContext http, int page) => page > 1 ? PageUrl(http, page - 1) : null;

    /// <summary>The page after <paramref name="page"/> of <paramref name="pages"/>, or null on the last.</summary>
    public static string? NextPage(HttpContext http, int page, int pages) => page < pages ? PageUrl(http, page + 1) : null;
}
