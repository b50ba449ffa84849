using Microsoft.AspNetCore.Antiforgery;
using Sarc.Registry.Accounts;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Web.Access;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// The writing pages (admin, data manager): edit a patient's own values, add, edit or remove an entry of one of the
/// patient's lists (RegistryForms), add a patient. Every change
/// goes through <see cref="PatientAccess"/>, i.e. the import's validation and messages, a required reason, and one
/// transaction with its audit records; a rejected form changes nothing and is shown again with every problem.
/// </summary>
internal static class DataEntryEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/patients/{id}/edit", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http);
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

        app.MapPost("/patients/{id}/edit", (HttpContext http, IAntiforgery af, string id) => Change(http, af, Urls.Edit(id), (access, form) =>
        {
            var values = Values(form);
            var reason = form[PatientFormPage.ReasonField].ToString();
            var version = OpenedVersion(form);
            var result = access.Edit(id, values, reason, options.Clock, version);
            return result is null ? Html.NotFound()
                : result.Succeeded ? Results.Redirect(Urls.Record(id))
                : Html.Page<PatientFormPage>(new { PatientId = id, Values = values, Reason = reason, result.Errors, Version = version }, StatusCodes.Status422UnprocessableEntity);
        }));

        // One entry of a patient's list: /patients/{id}/{list}/new adds, /patients/{id}/{list}/{n} edits entry n (from 1,
        // the record's order), .../remove removes it. {list} is a long-format file's name (RegistryForms.Lists).
        app.MapGet("/patients/{id}/{list}/new", (HttpContext http, string id, string list) => EntryPage(http, options, id, list, null));

        app.MapGet("/patients/{id}/{list}/{number:int}", (HttpContext http, string id, string list, int number) => EntryPage(http, options, id, list, number));

        app.MapPost("/patients/{id}/{list}/new", (HttpContext http, IAntiforgery af, string id, string list) =>
            Change(http, af, Urls.NewEntry(id, list), (access, form) => SaveEntry(access, form, options, id, list, null, remove: false)));

        app.MapPost("/patients/{id}/{list}/{number:int}", (HttpContext http, IAntiforgery af, string id, string list, int number) =>
            Change(http, af, Urls.Entry(id, list, number), (access, form) => SaveEntry(access, form, options, id, list, number, remove: false)));

        app.MapPost("/patients/{id}/{list}/{number:int}/remove", (HttpContext http, IAntiforgery af, string id, string list, int number) =>
            Change(http, af, Urls.Entry(id, list, number), (access, form) => SaveEntry(access, form, options, id, list, number, remove: true)));

        app.MapGet("/patients/new", (HttpContext http) =>
        {
            var user = Claims.User(http.User);
            return user.CanWrite ? Html.Page<PatientFormPage>(new { Values = new Dictionary<string, string>(), Centers = CenterChoice(user) }) : Html.Forbidden();
        });

        app.MapPost("/patients/new", (HttpContext http, IAntiforgery af) => Change(http, af, "/patients/new", (access, form) =>
        {
            var values = Values(form);
            var reason = form[PatientFormPage.ReasonField].ToString();
            var result = access.Add(values, reason, options.Clock);
            return result.Succeeded ? Results.Redirect(Urls.Record(values[TemplateColumns.Names[TemplateColumns.PatientId]].Trim()))
                : Html.Page<PatientFormPage>(new { Values = values, Reason = reason, result.Errors, Centers = CenterChoice(access.User) }, StatusCodes.Status422UnprocessableEntity);
        }));
    }

    /// <summary>The form of a new entry (<paramref name="number"/> null) or of entry <paramref name="number"/>, for writers, of a visible patient.</summary>
    private static IResult EntryPage(HttpContext http, WebOptions options, string id, string slug, int? number)
    {
        using var session = Session.Open(http);
        if (!session.Access.User.CanWrite)
        {
            return Html.Forbidden();
        }
        if (RegistryForms.List(slug) is not { } list || session.Access.Find(id) is not { } record)
        {
            return Html.NotFound();
        }
        if (number is null && NoMoreEvents(list, record) is { } refused)
        {
            return refused;
        }
        var values = number is { } n ? list.Values(record, n) : new Dictionary<string, string>(StringComparer.Ordinal);
        return values is null ? Html.NotFound("No such entry.")
            : Html.Page<EntryFormPage>(new { PatientId = id, List = list, Number = number, Values = values, Today = options.Today, Version = (int?)record.Version });
    }

    /// <summary>Adds, changes or removes an entry through <see cref="PatientAccess"/>; a rejected form is shown again with every problem.</summary>
    private static IResult SaveEntry(PatientAccess access, IFormCollection form, WebOptions options, string id, string slug, int? number, bool remove)
    {
        if (RegistryForms.List(slug) is not { } list)
        {
            return Html.NotFound();
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in list.Fields)
        {
            values[field.Column] = form[field.Column].ToString();
        }
        var cells = list.Fields.Select(f => values[f.Column]).ToArray();
        var reason = form[EntryFormPage.ReasonField].ToString();
        var version = OpenedVersion(form);
        var source = list.Title + " form";
        ImportResult? result;
        if (number is { } n)
        {
            result = access.ChangeEntry(id, list.File, n - 1, remove ? null : cells, reason, options.Clock, source, version);
        }
        else
        {
            if (access.Find(id) is { } record && NoMoreEvents(list, record) is { } refused)
            {
                return refused;
            }
            result = access.AddEntry(id, list.File, cells, reason, options.Clock, source, version);
        }
        if (result is null)
        {
            return Html.NotFound();
        }
        if (result.Succeeded)
        {
            return Results.Redirect(Urls.Record(id));
        }
        if (remove && access.Find(id) is { } stored)
        {
            // The removal was refused: the entry's form again, as stored, with the problems.
            values = list.Values(stored, number!.Value) ?? values;
        }
        return Html.Page<EntryFormPage>(new { PatientId = id, List = list, Number = number, Values = values, Reason = remove ? "" : reason, result.Errors, Today = options.Today, Version = version },
            StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>No event form is offered for a dead patient: a 409 page when one is asked for, else null.</summary>
    private static IResult? NoMoreEvents(EntryList list, Sarc.Registry.Domain.PatientRecord record) =>
        list == RegistryForms.Events && record.Death is { } death
            ? Html.Message("No new event", $"{record.Id} died on {TemplateCodes.Date(death.Date)}: no event can be added after the death. Edit the death entry to correct it.",
                StatusCodes.Status409Conflict, new Link(Urls.Record(record.Id), "Back to the record"))
            : null;

    /// <summary>A POST that changes the registry: anti-forgery (else the form opens again from <paramref name="formUrl"/>), then writers only, then <paramref name="change"/>.</summary>
    private static async Task<IResult> Change(HttpContext http, IAntiforgery af, string formUrl, Func<PatientAccess, IFormCollection, IResult> change)
    {
        if (await Forms.ReadAsync(http, af) is not { } form)
        {
            return Html.Expired(formUrl);
        }
        using var session = Session.Open(http);
        return session.Access.User.CanWrite ? change(session.Access, form) : Html.Forbidden();
    }

    /// <summary>The patient version a form was opened at (its hidden field), null when absent or not a number.</summary>
    private static int? OpenedVersion(IFormCollection form) =>
        int.TryParse(form[OpenedVersionField.Name].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

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
