using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// What a request that fails gets instead of an empty body or a stack trace: a page with one line saying what went
/// wrong and a way on, or for <c>/api</c> a JSON object <c>{"error": "..."}</c>, with the status. Malformed requests
/// (a value in the address or form that cannot be read, a body over the limit) are 4xx; only a fault of the server is
/// 500, and it is logged.
/// </summary>
internal static class ErrorPages
{
    /// <summary>Middleware: turns a request that cannot be read into its 4xx, and an unexpected failure into a 500 page.</summary>
    public static async Task Handle(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Write(context, e.StatusCode);
        }
        catch (InvalidDataException) when (!context.Response.HasStarted)
        {
            // A multipart or form body that does not parse.
            await Write(context, StatusCodes.Status400BadRequest);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sarc.Web").LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await Write(context, StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Status-code pages: a body for an error status that has none (an unknown URL, a wrong method, a missing API token, ...).</summary>
    public static Task ForStatus(StatusCodeContext context) => Write(context.HttpContext, context.HttpContext.Response.StatusCode, clear: false);

    /// <summary>The one line for <paramref name="status"/> on this request.</summary>
    public static string Message(HttpContext context, int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request could not be read: a value in the address or the form is malformed.",
        StatusCodes.Status401Unauthorized => "A valid API token is required (Authorization: Bearer TOKEN; sarc user token issues one).",
        StatusCodes.Status403Forbidden => "Your role cannot do this.",
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => $"This address does not take a {context.Request.Method} request.",
        StatusCodes.Status413PayloadTooLarge => $"The request is larger than this server accepts ({RequestLimits.Words(RequestLimits.LimitFor(context))}); nothing was changed.",
        StatusCodes.Status415UnsupportedMediaType => "The request's content type is not one this address takes.",
        >= 500 => "The server could not answer this request. If you were saving a change, open the page again to see whether it was saved.",
        _ => $"The request was refused (HTTP {status}).",
    };

    private static async Task Write(HttpContext context, int status, bool clear = true)
    {
        if (clear)
        {
            context.Response.Clear();
        }
        context.Response.StatusCode = status;
        var message = Message(context, status);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = message }));
            return;
        }
        var title = status switch
        {
            StatusCodes.Status404NotFound => "Not found",
            StatusCodes.Status413PayloadTooLarge => "Too large",
            >= 500 => "Server error",
            _ => "Request refused",
        };
        await Html.Message(title, message, status, new Link("/patients", "Patients")).ExecuteAsync(context);
    }
}
