using Microsoft.AspNetCore.Antiforgery;
using Sarc.Data;
using Sarc.Registry.Template;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// <c>/import</c> (admin, data manager): upload a CSV or XLSX template file; the same all-or-nothing importer as
/// <c>sarc import</c> with the API import's center rule. Every invalid line is listed and nothing is imported, or a
/// summary says how many patients were added, updated and unchanged.
/// </summary>
internal static class ImportEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/import", (HttpContext http) => Claims.User(http.User).CanWrite ? Html.Page<ImportPage>() : Html.Forbidden());

        app.MapPost("/import", async (HttpContext http, IAntiforgery af) =>
        {
            if (await Forms.ReadAsync(http, af) is not { } form)
            {
                return Html.Expired("/import");
            }
            if (!Claims.User(http.User).CanWrite)
            {
                return Html.Forbidden();
            }
            var update = form[ImportPage.UpdateField].ToString() is "on" or "true";
            var reason = form[ImportPage.ReasonField].ToString().Trim();
            var file = form.Files.GetFile(ImportPage.FileField);
            var problems = new List<ImportError>();
            if (file is null || file.Length == 0)
            {
                problems.Add(new ImportError(0, "file", "choose a CSV or XLSX template file"));
            }
            if (reason.Length == 0)
            {
                problems.Add(new ImportError(0, "reason", "a reason for the change is required"));
            }
            if (problems.Count > 0)
            {
                return Rejected(update, reason, problems, withLines: false);
            }
            // The reader decides CSV or XLSX by the extension, so the upload keeps only that of the user's file name.
            var name = Path.GetFileName(file!.FileName);
            var path = Path.Combine(Path.GetTempPath(), $"sarc-upload-{Guid.NewGuid():N}" + (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ".xlsx" : ".csv"));
            try
            {
                await using (var stream = File.Create(path))
                {
                    await file.CopyToAsync(stream, http.RequestAborted);
                }
                using var session = Session.Open(http);
                var result = session.Access.Import(path, name.Length == 0 ? "upload.csv" : name, update, options.Clock, reason);
                return result.Succeeded
                    ? Html.Page<ImportedPage>(new { FileName = name, Result = result })
                    : Rejected(update, reason, result.Errors, withLines: true);
            }
            catch (DataInputException e)
            {
                return Rejected(update, reason, [new ImportError(0, "file", e.Message)], withLines: false);
            }
            finally
            {
                File.Delete(path);
            }
        });
    }

    // The registry names no control; this form's hint for a patient already in the registry is its update check box.
    private static IResult Rejected(bool update, string reason, IReadOnlyList<ImportError> errors, bool withLines) =>
        Html.Page<ImportPage>(new
        {
            Update = update,
            Reason = reason,
            Errors = (IReadOnlyList<ImportError>)[.. errors.Select(e => e.Kind == ImportErrorKind.AlreadyInRegistry
                ? e with { Problem = e.Problem + " (tick “Update patients already in the registry” to change it)" } : e)],
            WithLines = withLines,
        }, StatusCodes.Status422UnprocessableEntity);
}
