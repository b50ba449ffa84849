using Microsoft.AspNetCore.Antiforgery;

namespace Sarc.Web.Hosting;

/// <summary>How every POST form of the pages is read: its anti-forgery token checked first, a body that is not a readable form refused as such.</summary>
internal static class Forms
{
    /// <summary>The posted form, or null when its anti-forgery token is missing or no longer valid (the handler answers "the form expired").</summary>
    /// <exception cref="BadHttpRequestException">
    /// 415 for a body that is not a form, 400 for one that cannot be read as one (malformed multipart, null characters),
    /// or the 413 of a body over its limit.
    /// </exception>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            throw new BadHttpRequestException("not a form", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            return await antiforgery.IsRequestValidAsync(http) ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or AntiforgeryValidationException && !http.RequestAborted.IsCancellationRequested)
        {
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                if (inner is BadHttpRequestException bad)
                {
                    throw bad;
                }
            }
            throw new BadHttpRequestException("the form cannot be read", StatusCodes.Status400BadRequest, e);
        }
    }
}
