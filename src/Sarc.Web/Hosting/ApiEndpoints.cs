using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;
using Sarc.Web.Access;

namespace Sarc.Web.Hosting;

/// <summary>The JSON API (docs/api.md): bearer tokens only; every read and write goes through <see cref="PatientAccess"/>.</summary>
internal static class ApiEndpoints
{
    /// <summary>The longest due-list window the API answers, in days (the worklist page's too).</summary>
    public const int MaxWithinDays = Pages.WorklistPage.MaxDays;

    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        var api = app.MapGroup("/api").RequireAuthorization(SarcWebApp.ApiPolicy);

        api.MapGet("/patients", (HttpContext http) =>
        {
            using var session = Session.Open(http, options);
            return Json(w =>
            {
                w.WriteStartArray("patients");
                foreach (var record in session.Access.Visible())
                {
                    WritePatient(w, session.Access.Cells(record));
                }
                w.WriteEndArray();
            });
        });

        api.MapGet("/patients/{id}", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http, options);
            var record = session.Access.Find(id);
            return record is null ? Results.NotFound() : Json(w => WriteFields(w, session.Access.Cells(record)));
        });

        api.MapPost("/import", async (HttpContext http, string? reason) =>
        {
            using var session = Session.Open(http, options);
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
                var result = session.Access.Import(path, "api-import.csv", update: false, options.Clock, reason);
                if (!result.Succeeded)
                {
                    return Json(w =>
                    {
                        w.WriteStartArray("errors");
                        foreach (var e in result.Errors)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("line", e.Line);
                            w.WriteString("column", e.Column);
                            w.WriteString("problem", e.Problem);
                            w.WriteString("message", e.ToString());
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    }, StatusCodes.Status422UnprocessableEntity);
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

        api.MapGet("/surveillance/due", (HttpContext http, string? as_of, int? within_days) =>
        {
            if (!DateOnly.TryParseExact(as_of, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
            {
                return Json(w => w.WriteString("error", "as_of must be a date YYYY-MM-DD"), StatusCodes.Status400BadRequest);
            }
            var days = within_days ?? SurveillancePlanner.DefaultWithinDays;
            if (days is < 0 or > MaxWithinDays)
            {
                return Json(w => w.WriteString("error", $"within_days must be a whole number from 0 to {MaxWithinDays}"), StatusCodes.Status400BadRequest);
            }
            using var session = Session.Open(http, options);
            var due = session.Access.Due(asOf, days, options.Rules);
            return Json(w => DueListJson.WriteProperties(w, due, asOf, days, options.Rules));
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
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Results.Text(System.Text.Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
