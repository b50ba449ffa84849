using System.Globalization;
using System.Text.Json;
using Sarc.Data;
using Sarc.Registry.Domain;
using Sarc.Registry.Json;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;
using Sarc.Web.Access;

namespace Sarc.Web.Hosting;

/// <summary>The JSON API (docs/api.md): bearer tokens only; every read and write goes through <see cref="PatientAccess"/>.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SarcWebApp.ApiPolicy);

        // Any other address under /api is the API's too: a token is required, then it is a 404 in JSON (not the sign-in page).
        api.Map("{**rest}", () => Results.NotFound());

        api.MapGet("/patients", (HttpContext http) =>
        {
            using var session = Session.Open(http);
            return Json(w =>
            {
                w.WriteStartArray("patients");
                foreach (var record in session.Access.Stream())
                {
                    WritePatient(w, session.Access.Cells(record));
                }
                w.WriteEndArray();
            });
        });

        api.MapGet("/patients/{id}", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http);
            var record = session.Access.Find(id);
            return record is null ? Results.NotFound() : Json(w => WriteFields(w, session.Access.Cells(record)));
        });

        api.MapGet("/patients/{id}/predictions", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http);
            var record = session.Access.Find(id);
            return record is null ? Results.NotFound() : Json(w => PredictionJson.Write(w, record.Id, PatientEndpoints.Predictions(http, record)));
        });

        api.MapPost("/import", async (HttpContext http, string? reason) =>
        {
            using var session = Session.Open(http);
            if (!session.Access.User.CanWrite)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            var path = Path.Combine(Path.GetTempPath(), $"sarc-api-{Guid.NewGuid():N}.csv");
            try
            {
                await using (var file = File.Create(path))
                {
                    await http.Request.Body.CopyToAsync(file, http.RequestAborted);
                }
                ImportResult result;
                try
                {
                    result = session.Access.Import(path, "api-import.csv", update: false, options.Clock, reason);
                }
                catch (DataInputException e)
                {
                    return Json(w => w.WriteString("error", e.Message), StatusCodes.Status422UnprocessableEntity);
                }
                if (!result.Succeeded)
                {
                    return Json(w => w.WriteRecord("errors", result.Errors.Select(e => new ErrorRow(e.Line, e.Column, e.Problem, e.ToString()))),
                        StatusCodes.Status422UnprocessableEntity);
                }
                return Json(w =>
                {
                    w.WriteNumber("inserted", result.Inserted);
                    w.WriteNumber("updated", result.Updated);
                    w.WriteNumber("unchanged", result.Unchanged);
                });
            }
            finally
            {
                File.Delete(path);
            }
        });

        api.MapGet("/surveillance/due", (HttpContext http, string? as_of, int? within_days, string? center) =>
        {
            var days = within_days ?? DueWindow.DefaultDays;
            if ((DueWindow.TryDate(as_of, out var asOf) ?? DueWindow.CheckDays(days, "within_days")) is { } problem)
            {
                return Json(w => w.WriteString("error", problem), StatusCodes.Status400BadRequest);
            }
            using var session = Session.Open(http);
            var worklist = session.Access.Worklist(asOf, days, options.Rules, string.IsNullOrEmpty(center) ? null : center);
            return Json(w => DueListJson.WriteProperties(w, worklist, options.Rules));
        });
    }

    /// <summary>Template fields by name; empty cells are omitted, so an investigator's record has no birth_date at all.</summary>
    private static void WriteFields(Utf8JsonWriter w, string[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c].Length > 0)
            {
                w.WriteString(TemplateColumns.Names[c], cells[c]);
            }
        }
    }

    private static void WritePatient(Utf8JsonWriter w, string[] cells)
    {
        w.WriteStartObject();
        WriteFields(w, cells);
        w.WriteEndObject();
    }

    private static IResult Json(Action<Utf8JsonWriter> body, int status = StatusCodes.Status200OK)
    {
        return Results.Text(SarcJson.Object(body), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>One problem of a refused import, as <c>POST /api/import</c> lists it.</summary>
    private sealed record ErrorRow(int Line, string Column, string Problem, string Message);
}
