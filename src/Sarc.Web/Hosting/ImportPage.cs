using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Data;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using static Sarc.Web.Hosting.HtmlPages;

namespace Sarc.Web.Hosting;

/// <summary>
/// <c>/import</c> (admin, data manager): upload a CSV or XLSX template file; the same all-or-nothing importer as
/// <c>sarc import</c> with the API import's center rule. Every invalid line is listed and nothing is imported, or a
/// summary says how many patients were added, updated and unchanged.
/// </summary>
internal static class ImportPage
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/import", (HttpContext http) =>
            Claims.User(http.User).CanWrite ? Page(http, "Import", Form(http, false, "")) : Forbidden(http));

        app.MapPost("/import", async (HttpContext http, IAntiforgery af) =>
        {
            if (!await af.IsRequestValidAsync(http))
            {
                return Expired();
            }
            if (!Claims.User(http.User).CanWrite)
            {
                return Forbidden(http);
            }
            var form = await http.Request.ReadFormAsync();
            var update = form["update"].ToString() is "on" or "true";
            var reason = form["reason"].ToString().Trim();
            var file = form.Files.GetFile("file");
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
                return Rejected(http, update, reason, problems, withLines: false);
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
                using var session = Session.Open(http, options);
                var result = session.Access.Import(path, name.Length == 0 ? "upload.csv" : name, update, options.Clock, reason);
                if (!result.Succeeded)
                {
                    return Rejected(http, update, reason, result.Errors, withLines: true);
                }
                var html = new StringBuilder("<p id=\"summary\">")
                    .Append(E(name)).Append(CultureInfo.InvariantCulture, $": {result.Inserted} patients added, {result.Updated} updated, {result.Unchanged} unchanged.</p>")
                    .Append("<p><a href=\"/patients\">Patients</a> · <a href=\"/import\">Import another file</a></p>");
                return Page(http, "Imported", html.ToString());
            }
            catch (DataInputException e)
            {
                return Rejected(http, update, reason, [new ImportError(0, "file", e.Message)], withLines: false);
            }
            finally
            {
                File.Delete(path);
            }
        });
    }

    private static IResult Rejected(HttpContext http, bool update, string reason, IReadOnlyList<ImportError> errors, bool withLines)
    {
        var html = new StringBuilder();
        // The registry names no control; this form's hint is its update checkbox.
        Errors(html, [.. errors.Select(e => e.Kind == ImportErrorKind.AlreadyInRegistry ? e with { Problem = e.Problem + " (tick “Update patients already in the registry” to change it)" } : e)],
            withLines, "Nothing was imported.");
        html.Append(Form(http, update, reason));
        return Page(http, "Import", html.ToString(), status: StatusCodes.Status422UnprocessableEntity);
    }

    private static string Form(HttpContext http, bool update, string reason) =>
        new StringBuilder("<p>A template file as for <code>sarc import</code> (docs/formats.md): every row valid and of one of your centers, or nothing is imported.</p>")
            .Append("<form method=\"post\" id=\"import-form\" action=\"/import\" enctype=\"multipart/form-data\">").Append(Antiforgery(http))
            .Append("<p><label for=\"file\">Template file (CSV or XLSX)</label> <input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,.xlsx\" required></p>")
            .Append("<p><label><input type=\"checkbox\" id=\"update\" name=\"update\"").Append(update ? " checked" : "").Append("> Update patients already in the registry</label></p>")
            .Append("<p><label for=\"reason\">Reason</label> <input id=\"reason\" name=\"reason\" required value=\"").Append(E(reason)).Append("\"></p>")
            .Append("<button id=\"upload\">Import</button></form>")
            .ToString();
}
