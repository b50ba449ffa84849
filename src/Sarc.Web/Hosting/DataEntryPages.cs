using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Registry.Template;
using Sarc.Web.Access;
using Sarc.Registry.Accounts;
using Sarc.Web.Accounts;
using static Sarc.Web.Hosting.HtmlPages;

namespace Sarc.Web.Hosting;

/// <summary>
/// The writing pages (admin, data manager): edit a patient, record an event in one form, add a patient. Every change
/// goes through <see cref="PatientAccess"/>, i.e. the import's validation and messages, a required reason, and one
/// transaction with its audit records; a rejected form changes nothing and is shown again with every problem.
/// </summary>
internal static class DataEntryPages
{
    /// <summary>URL segment, title and button text of each event form, in <see cref="PatientEvent"/> order.</summary>
    private static readonly (string Slug, string Title)[] Events =
    [
        ("lr", "Local recurrence"),
        ("dm", "Distant metastasis"),
        ("death", "Death"),
        ("followup", "Last follow-up"),
    ];

    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/patients/{id}/edit", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http, options);
            if (!session.Access.User.CanWrite)
            {
                return Forbidden(http);
            }
            var record = session.Access.Find(id);
            if (record is null)
            {
                return NotFound(http);
            }
            var cells = session.Access.Cells(record);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < cells.Length; c++)
            {
                values[TemplateColumns.Names[c]] = cells[c];
            }
            return Page(http, $"Edit {record.Id}", PatientForm(http, session.Access, id, values, "", []));
        });

        app.MapPost("/patients/{id}/edit", (HttpContext http, IAntiforgery af, string id) => Change(http, af, options, (access, form) =>
        {
            var values = Values(form);
            var result = access.Edit(id, values, form["reason"].ToString(), options.Clock);
            return result is null ? NotFound(http)
                : result.Succeeded ? Results.Redirect(RecordUrl(id))
                : Page(http, $"Edit {id}", PatientForm(http, access, id, values, form["reason"].ToString(), result.Errors), status: StatusCodes.Status422UnprocessableEntity);
        }));

        app.MapPost("/patients/{id}/events/{kind}", (HttpContext http, IAntiforgery af, string id, string kind) => Change(http, af, options, (access, form) =>
        {
            var index = Array.FindIndex(Events, e => e.Slug == kind);
            if (index < 0)
            {
                return NotFound(http);
            }
            var (date, cause, reason) = (form["date"].ToString(), form["cause"].ToString(), form["reason"].ToString());
            var result = access.RecordEvent(id, (PatientEvent)index, date, cause, reason, options.Clock);
            if (result is null)
            {
                return NotFound(http);
            }
            if (result.Succeeded)
            {
                return Results.Redirect(RecordUrl(id));
            }
            var html = new StringBuilder();
            Errors(html, result.Errors, withLines: false);
            EventForm(html, http, id, (PatientEvent)index, date, cause, reason);
            html.Append("<p><a href=\"").Append(RecordUrl(id)).Append("\">Back to the record</a></p>");
            return Page(http, $"{Events[index].Title} of {id}", html.ToString(), status: StatusCodes.Status422UnprocessableEntity);
        }));

        app.MapGet("/patients/new", (HttpContext http) =>
        {
            using var session = Session.Open(http, options);
            return session.Access.User.CanWrite ? Page(http, "Add patient", PatientForm(http, session.Access, null, [], "", [])) : Forbidden(http);
        });

        app.MapPost("/patients/new", (HttpContext http, IAntiforgery af) => Change(http, af, options, (access, form) =>
        {
            var values = Values(form);
            var result = access.Add(values, form["reason"].ToString(), options.Clock);
            return result.Succeeded ? Results.Redirect(RecordUrl(values["patient_id"].Trim()))
                : Page(http, "Add patient", PatientForm(http, access, null, values, form["reason"].ToString(), result.Errors), status: StatusCodes.Status422UnprocessableEntity);
        }));
    }

    /// <summary>
    /// One event form (ids <c>{slug}-date</c>, <c>{slug}-reason</c>, <c>death-cause</c>, button <c>{slug}-save</c>),
    /// posting <c>date</c>, <c>reason</c> (and <c>cause</c>) to <c>/patients/{id}/events/{slug}</c>.
    /// </summary>
    public static void EventForm(StringBuilder html, HttpContext http, string id, PatientEvent kind, string date, string cause, string reason)
    {
        var (slug, title) = Events[(int)kind];
        html.Append("<form method=\"post\" id=\"event-").Append(slug).Append("\" action=\"/patients/").Append(Uri.EscapeDataString(id))
            .Append("/events/").Append(slug).Append("\"><h3>").Append(title).Append("</h3>").Append(Antiforgery(http))
            .Append("<p><label for=\"").Append(slug).Append("-date\">Date</label> <input type=\"date\" id=\"").Append(slug)
            .Append("-date\" name=\"date\" required value=\"").Append(E(date)).Append("\"></p>");
        if (kind == PatientEvent.Death)
        {
            html.Append("<p><label for=\"death-cause\">Cause</label> <select id=\"death-cause\" name=\"cause\"><option value=\"\">not recorded</option>");
            foreach (var code in TemplateCodes.Causes)
            {
                html.Append("<option").Append(code == cause ? " selected" : "").Append('>').Append(code).Append("</option>");
            }
            html.Append("</select></p>");
        }
        html.Append("<p><label for=\"").Append(slug).Append("-reason\">Reason</label> <input id=\"").Append(slug)
            .Append("-reason\" name=\"reason\" required value=\"").Append(E(reason)).Append("\"></p><button id=\"").Append(slug)
            .Append("-save\">Record ").Append(title.ToLowerInvariant()).Append("</button></form>");
    }

    /// <summary>A POST that changes the registry: anti-forgery, then writers only, then <paramref name="change"/>.</summary>
    private static async Task<IResult> Change(HttpContext http, IAntiforgery af, WebOptions options, Func<PatientAccess, IFormCollection, IResult> change)
    {
        if (!await af.IsRequestValidAsync(http))
        {
            return Expired();
        }
        var form = await http.Request.ReadFormAsync();
        using var session = Session.Open(http, options);
        return session.Access.User.CanWrite ? change(session.Access, form) : Forbidden(http);
    }

    private static Dictionary<string, string> Values(IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in TemplateColumns.Names)
        {
            values[name] = form[name].ToString();
        }
        return values;
    }

    /// <summary>
    /// The template form: every column as <c>&lt;input id=NAME name=NAME&gt;</c>, then the required reason. Editing
    /// (<paramref name="id"/> given) hides the id, which cannot change; adding offers the user's centers to choose from.
    /// </summary>
    private static string PatientForm(HttpContext http, PatientAccess access, string? id, Dictionary<string, string> values, string reason, IReadOnlyList<ImportError> errors)
    {
        var html = new StringBuilder();
        Errors(html, errors, withLines: false);
        html.Append("<form method=\"post\" id=\"patient-form\" action=\"").Append(id is null ? "/patients/new" : "/patients/" + Uri.EscapeDataString(id) + "/edit")
            .Append("\">").Append(Antiforgery(http)).Append("<dl>");
        foreach (var name in TemplateColumns.Names)
        {
            if (name == "patient_id" && id is not null)
            {
                continue;
            }
            var value = values.GetValueOrDefault(name) ?? "";
            html.Append("<dt><label for=\"").Append(name).Append("\">").Append(name).Append(TemplateColumns.IsRequired(TemplateColumns.IndexOf(name)) ? " *" : "")
                .Append("</label></dt><dd>");
            if (name == "center" && id is null && access.User.Role != UserRole.Admin)
            {
                html.Append("<select id=\"center\" name=\"center\">");
                foreach (var center in access.User.Centers)
                {
                    html.Append("<option").Append(center == value ? " selected" : "").Append('>').Append(E(center)).Append("</option>");
                }
                html.Append("</select>");
            }
            else
            {
                html.Append("<input id=\"").Append(name).Append("\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append("\">");
            }
            html.Append("</dd>");
        }
        html.Append("<dt><label for=\"reason\">Reason for the change</label></dt><dd><input id=\"reason\" name=\"reason\" required value=\"")
            .Append(E(reason)).Append("\"></dd></dl><button id=\"save\">Save</button></form>");
        return html.ToString();
    }

    private static string RecordUrl(string id) => "/patients/" + Uri.EscapeDataString(id);
}
