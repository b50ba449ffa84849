using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Registry.Accounts;
using Sarc.Registry.Template;
using Sarc.Web.Access;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// The writing pages (admin, data manager): edit a patient, record an event in one form, add a patient. Every change
/// goes through <see cref="PatientAccess"/>, i.e. the import's validation and messages, a required reason, and one
/// transaction with its audit records; a rejected form changes nothing and is shown again with every problem.
/// </summary>
internal static class DataEntryEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/patients/{id}/edit", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http, options);
            if (!session.Access.User.CanWrite)
            {
                return Html.Forbidden();
            }
            var record = session.Access.Find(id);
            if (record is null)
            {
                return Html.NotFound();
            }
            var cells = session.Access.Cells(record);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < cells.Length; c++)
            {
                values[TemplateColumns.Names[c]] = cells[c];
            }
            return Html.Page<PatientFormPage>(new { PatientId = id, Values = values, Version = (int?)record.Version });
        });

        app.MapPost("/patients/{id}/edit", (HttpContext http, IAntiforgery af, string id) => Change(http, af, options, Urls.Edit(id), (access, form) =>
        {
            var values = Values(form);
            var reason = form[PatientFormPage.ReasonField].ToString();
            var version = OpenedVersion(form);
            var result = access.Edit(id, values, reason, options.Clock, version);
            return result is null ? Html.NotFound()
                : result.Succeeded ? Results.Redirect(Urls.Record(id))
                : Html.Page<PatientFormPage>(new { PatientId = id, Values = values, Reason = reason, result.Errors, Version = version }, StatusCodes.Status422UnprocessableEntity);
        }));

        app.MapPost("/patients/{id}/events/{kind}", (HttpContext http, IAntiforgery af, string id, string kind) => Change(http, af, options, Urls.Record(id), (access, form) =>
        {
            if (!EventForm.TryParse(kind, out var which))
            {
                return Html.NotFound("No such event form.");
            }
            var (date, cause, reason) = (form[EventForm.DateField].ToString(), form[EventForm.CauseField].ToString(), form[EventForm.ReasonField].ToString());
            var version = OpenedVersion(form);
            var result = access.RecordEvent(id, which, date, cause, reason, options.Clock, version);
            if (result is null)
            {
                return Html.NotFound();
            }
            return result.Succeeded
                ? Results.Redirect(Urls.Record(id))
                : Html.Page<EventRejectedPage>(new { PatientId = id, Kind = which, result.Errors, Date = date, Cause = cause, Reason = reason, Version = version }, StatusCodes.Status422UnprocessableEntity);
        }));

        app.MapGet("/patients/new", (HttpContext http) =>
        {
            var user = Claims.User(http.User);
            return user.CanWrite ? Html.Page<PatientFormPage>(new { Values = new Dictionary<string, string>(), Centers = CenterChoice(user) }) : Html.Forbidden();
        });

        app.MapPost("/patients/new", (HttpContext http, IAntiforgery af) => Change(http, af, options, "/patients/new", (access, form) =>
        {
            var values = Values(form);
            var reason = form[PatientFormPage.ReasonField].ToString();
            var result = access.Add(values, reason, options.Clock);
            return result.Succeeded ? Results.Redirect(Urls.Record(values[TemplateColumns.Names[TemplateColumns.PatientId]].Trim()))
                : Html.Page<PatientFormPage>(new { Values = values, Reason = reason, result.Errors, Centers = CenterChoice(access.User) }, StatusCodes.Status422UnprocessableEntity);
        }));
    }

    /// <summary>A POST that changes the registry: anti-forgery (else the form opens again from <paramref name="formUrl"/>), then writers only, then <paramref name="change"/>.</summary>
    private static async Task<IResult> Change(HttpContext http, IAntiforgery af, WebOptions options, string formUrl, Func<PatientAccess, IFormCollection, IResult> change)
    {
        if (await Forms.ReadAsync(http, af) is not { } form)
        {
            return Html.Expired(formUrl);
        }
        using var session = Session.Open(http, options);
        return session.Access.User.CanWrite ? change(session.Access, form) : Html.Forbidden();
    }

    /// <summary>The patient version a form was opened at (its hidden field), null when absent or not a number.</summary>
    private static int? OpenedVersion(IFormCollection form) =>
        int.TryParse(form[PatientFormPage.VersionField].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static Dictionary<string, string> Values(IFormCollection form)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in TemplateColumns.Names)
        {
            values[name] = form[name].ToString();
        }
        return values;
    }

    /// <summary>The centers a new patient may be given: the user's own, or any (free text, null) for an admin.</summary>
    private static IReadOnlyList<string>? CenterChoice(WebUser user) => user.Role == UserRole.Admin ? null : user.Centers;
}
