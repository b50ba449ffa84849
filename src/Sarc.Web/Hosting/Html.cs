using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// Pages as results of the minimal API handlers: a Razor component (<c>Sarc.Web.Pages</c>) rendered on the server,
/// every value encoded by the renderer, with the status the handler chose; and the pages every family shares.
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
}
