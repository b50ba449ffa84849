using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using Sarc.Surveillance;
using Sarc.Surveillance.Rules;
using Sarc.Web.Access;
using Sarc.Web.Accounts;

namespace Sarc.Web.Hosting;

/// <summary>
/// The server-rendered pages: login/logout, patient list, patient record, audit, surveillance worklist. Plain HTML,
/// every value encoded, no script (the CSP forbids inline script anyway); all data through <see cref="PatientAccess"/>.
/// </summary>
internal static class HtmlPages
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/", () => Results.Redirect("/patients"));

        app.MapGet("/login", (HttpContext http, IAntiforgery af) => Page(http, "Sign in", LoginForm(http, af, null), signedIn: false))
            .AllowAnonymous();

        app.MapPost("/login", async (HttpContext http, IAntiforgery af, UserStore users) =>
        {
            if (!await af.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The form expired; reload the page.");
            }
            var form = await http.Request.ReadFormAsync();
            var (outcome, user) = users.CheckPassword(form["email"].ToString(), form["password"].ToString());
            if (outcome != SignInOutcome.Succeeded || user is null)
            {
                var message = outcome == SignInOutcome.LockedOut
                    ? "This account is locked after too many failed sign-ins; try again later."
                    : "Wrong e-mail or password.";
                return Page(http, "Sign in", LoginForm(http, af, message), signedIn: false, StatusCodes.Status401Unauthorized);
            }
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            var returnUrl = http.Request.Query["ReturnUrl"].ToString();
            // Only local paths, so the login cannot be used as an open redirect.
            return Results.Redirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/patients");
        }).AllowAnonymous();

        app.MapPost("/logout", async (HttpContext http, IAntiforgery af) =>
        {
            await af.ValidateRequestAsync(http);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });

        app.MapGet("/patients", (HttpContext http, string? q, string? center, string? site, string? grade, int? page) =>
        {
            using var session = Session.Open(http, options);
            var result = session.Access.Search(new PatientQuery(q, center, site, grade, page ?? 1));
            var html = new StringBuilder();
            html.Append("<form method=\"get\" action=\"/patients\" class=\"filters\">")
                .Append("<label>Id <input name=\"q\" value=\"").Append(E(q)).Append("\"></label> ")
                .Append("<label>Center <input name=\"center\" value=\"").Append(E(center)).Append("\"></label> ");
            Select(html, "site", site, TemplateCodes.SiteCodes);
            Select(html, "grade", grade, TemplateCodes.GradeCodes);
            html.Append(" <button>Search</button></form>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{result.Total} patients, page {result.Page} of {result.Pages}</p>");
            html.Append("<table><thead><tr><th>Patient</th><th>Center</th><th>Histology</th><th>Site</th><th>Grade</th><th>Surgery</th><th>Status</th></tr></thead><tbody>");
            foreach (var r in result.Patients)
            {
                html.Append("<tr><td><a href=\"/patients/").Append(Uri.EscapeDataString(r.Id)).Append("\">").Append(E(r.Id)).Append("</a></td><td>")
                    .Append(E(r.Patient.Center)).Append("</td><td>").Append(E(r.Tumor.HistologyName ?? r.Tumor.Histology)).Append("</td><td>")
                    .Append(TemplateCodes.Code(r.Tumor.Site)).Append("</td><td>").Append(TemplateCodes.Code(r.Tumor.Grade)).Append("</td><td>")
                    .Append(TemplateCodes.Date(r.PrimarySurgery.Date)).Append("</td><td>").Append(Status(r)).Append("</td></tr>");
            }
            html.Append("</tbody></table><p>");
            if (result.Page > 1)
            {
                html.Append("<a href=\"").Append(E(PageUrl(http, result.Page - 1))).Append("\">previous</a> ");
            }
            if (result.Page < result.Pages)
            {
                html.Append("<a href=\"").Append(E(PageUrl(http, result.Page + 1))).Append("\">next</a>");
            }
            html.Append("</p>");
            return Page(http, "Patients", html.ToString());
        });

        app.MapGet("/patients/{id}", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http, options);
            var record = session.Access.Find(id);
            if (record is null)
            {
                return Page(http, "Not found", "<p>No such patient.</p>", status: StatusCodes.Status404NotFound);
            }
            return Page(http, $"Patient {record.Id}", Record(session.Access, record, options.Clock));
        });

        app.MapGet("/patients/{id}/edit", (HttpContext http, IAntiforgery af, string id) =>
        {
            using var session = Session.Open(http, options);
            if (!session.Access.User.CanWrite)
            {
                return Page(http, "Forbidden", "<p>Your role cannot change the registry.</p>", status: StatusCodes.Status403Forbidden);
            }
            var record = session.Access.Find(id);
            if (record is null)
            {
                return Page(http, "Not found", "<p>No such patient.</p>", status: StatusCodes.Status404NotFound);
            }
            var cells = session.Access.Cells(record);
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < cells.Length; c++)
            {
                values[TemplateColumns.Names[c]] = cells[c];
            }
            return Page(http, $"Edit {record.Id}", EditForm(http, af, record.Id, values, "", []));
        });

        app.MapPost("/patients/{id}/edit", async (HttpContext http, IAntiforgery af, string id) =>
        {
            if (!await af.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The form expired; reload the page.");
            }
            var form = await http.Request.ReadFormAsync();
            using var session = Session.Open(http, options);
            if (!session.Access.User.CanWrite)
            {
                return Page(http, "Forbidden", "<p>Your role cannot change the registry.</p>", status: StatusCodes.Status403Forbidden);
            }
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in TemplateColumns.Names)
            {
                values[name] = form[name].ToString();
            }
            var reason = form["reason"].ToString();
            var result = session.Access.Edit(id, values, reason, options.Clock);
            if (result is null)
            {
                return Page(http, "Not found", "<p>No such patient.</p>", status: StatusCodes.Status404NotFound);
            }
            if (!result.Succeeded)
            {
                return Page(http, $"Edit {id}", EditForm(http, af, id, values, reason, result.Errors.Select(e => e.ToString())), status: StatusCodes.Status422UnprocessableEntity);
            }
            return Results.Redirect("/patients/" + Uri.EscapeDataString(id));
        });

        app.MapGet("/patients/{id}/audit", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http, options);
            var entries = session.Access.Audit(id);
            if (entries is null)
            {
                return Page(http, "Not found", "<p>No such patient.</p>", status: StatusCodes.Status404NotFound);
            }
            var html = new StringBuilder("<table><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>What</th><th>Old</th><th>New</th><th>Source</th></tr></thead><tbody>");
            foreach (var e in entries)
            {
                var what = e.Field is null ? e.Entity : $"{e.Entity}.{e.Field}";
                html.Append("<tr><td>").Append(e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(e.Who))
                    .Append("</td><td>").Append(E(e.Action.ToString().ToLowerInvariant())).Append("</td><td>").Append(E(what))
                    .Append("</td><td>").Append(E(e.OldValue)).Append("</td><td>").Append(E(e.NewValue)).Append("</td><td>").Append(E(e.SourceFile)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
            return Page(http, $"Audit of {id}", html.ToString());
        });

        app.MapGet("/surveillance", (HttpContext http, string? as_of, int? days) =>
        {
            var asOf = DateOnly.TryParseExact(as_of, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime);
            var within = Math.Clamp(days ?? SurveillancePlanner.DefaultWithinDays, 0, 3650);
            using var session = Session.Open(http, options);
            var due = session.Access.Due(asOf, within, RuleSet.Default);
            var html = new StringBuilder();
            html.Append("<form method=\"get\" action=\"/surveillance\"><label>As of <input type=\"date\" name=\"as_of\" value=\"").Append(TemplateCodes.Date(asOf))
                .Append(CultureInfo.InvariantCulture, $"\"></label> <label>Days ahead <input type=\"number\" name=\"days\" value=\"{within}\"></label> <button>Show</button></form>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{due.Count} patients due or overdue</p>");
            html.Append("<table><thead><tr><th>Patient</th><th>Next visit</th><th>Status</th><th>Exams</th><th>Profile</th></tr></thead><tbody>");
            foreach (var v in due)
            {
                html.Append("<tr><td><a href=\"/patients/").Append(Uri.EscapeDataString(v.PatientId)).Append("\">").Append(E(v.PatientId)).Append("</a></td><td>")
                    .Append(TemplateCodes.Date(v.NextVisit)).Append("</td><td>").Append(v.Status == DueStatus.Overdue ? "overdue" : "due").Append("</td><td>")
                    .Append(E(string.Join(", ", v.Exams))).Append("</td><td>").Append(E(v.Profile)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
            return Page(http, "Surveillance worklist", html.ToString());
        });
    }

    private static string Record(PatientAccess access, PatientRecord r, TimeProvider clock)
    {
        var cells = access.Cells(r);
        var html = new StringBuilder("<h2>Patient</h2><dl>");
        Item(html, "Center", r.Patient.Center);
        Item(html, "Sex", cells[TemplateColumns.Sex]);
        if (access.User.SeesIdentifiers)
        {
            Item(html, "Birth date", cells[TemplateColumns.BirthDate]);
        }
        Item(html, "Last follow-up", cells[TemplateColumns.LastFollowUpDate]);
        html.Append("</dl><h2>Tumor</h2><dl>");
        Item(html, "Diagnosis", cells[TemplateColumns.DiagnosisDate]);
        Item(html, "Histology", r.Tumor.HistologyName is { } name ? $"{name} ({r.Tumor.Histology})" : r.Tumor.Histology);
        Item(html, "Site", cells[TemplateColumns.Site]);
        Item(html, "Depth", cells[TemplateColumns.Depth]);
        Item(html, "Size (cm)", cells[TemplateColumns.SizeCm]);
        Item(html, "FNCLCC grade", cells[TemplateColumns.Grade]);
        Item(html, "AJCC stage", r.Tumor.AjccStage ?? "");
        html.Append("</dl><h2>Surgery</h2><ul>");
        foreach (var s in r.Surgeries)
        {
            html.Append("<li>").Append(TemplateCodes.Date(s.Date)).Append(", margin ").Append(TemplateCodes.Code(s.Margin)).Append("</li>");
        }
        html.Append("</ul><h2>Radiotherapy</h2><ul>");
        foreach (var c in r.Radiotherapy)
        {
            html.Append("<li>").Append(c.Setting is { } setting ? TemplateCodes.Code(setting) + ": " : "")
                .Append(CultureInfo.InvariantCulture, $"{c.DoseGy:0.##} Gy in {c.Fractions} fractions, EQD2 {c.Eqd2:0.0} Gy (α/β 10)")
                .Append(c.EndDate is { } end ? ", ended " + TemplateCodes.Date(end) : "").Append("</li>");
        }
        html.Append("</ul><h2>Events</h2><ul>");
        foreach (var e in r.Events)
        {
            html.Append("<li>").Append(TemplateCodes.Date(e.Date)).Append(' ').Append(EventName(e.Kind))
                .Append(e.Cause is { } cause ? " (" + TemplateCodes.Code(cause) + ")" : "").Append("</li>");
        }
        html.Append("</ul><h2>Next surveillance visits</h2><ul>");
        if (r.First(OutcomeEventKind.Death) is null && r.First(OutcomeEventKind.DistantMetastasis) is null)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var shown = 0;
            foreach (var v in PatientAccess.Schedule(r, RuleSet.Default).Visits)
            {
                if (v.Date > r.Patient.LastFollowUp && shown < 3)
                {
                    html.Append("<li>").Append(TemplateCodes.Date(v.Date)).Append(v.Date < today ? " (overdue)" : "").Append(": ")
                        .Append(E(string.Join(", ", v.Exams))).Append("</li>");
                    shown++;
                }
            }
        }
        html.Append("</ul><p><a href=\"/patients/").Append(Uri.EscapeDataString(r.Id)).Append("/audit\">Audit trail</a>");
        if (access.User.CanWrite)
        {
            html.Append(" · <a href=\"/patients/").Append(Uri.EscapeDataString(r.Id)).Append("/edit\">Edit</a>");
        }
        html.Append("</p>");
        return html.ToString();
    }

    private static string EditForm(HttpContext http, IAntiforgery af, string id, Dictionary<string, string> values, string reason, IEnumerable<string> errors)
    {
        var tokens = af.GetAndStoreTokens(http);
        var html = new StringBuilder();
        var list = errors.ToList();
        if (list.Count > 0)
        {
            html.Append("<ul class=\"error\">");
            foreach (var e in list)
            {
                html.Append("<li>").Append(E(e)).Append("</li>");
            }
            html.Append("</ul><p class=\"error\">Nothing was changed.</p>");
        }
        html.Append("<form method=\"post\" action=\"/patients/").Append(Uri.EscapeDataString(id)).Append("/edit\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\"><dl>");
        foreach (var name in TemplateColumns.Names)
        {
            if (name == "patient_id")
            {
                continue;
            }
            html.Append("<dt><label for=\"").Append(name).Append("\">").Append(name).Append("</label></dt><dd><input id=\"").Append(name)
                .Append("\" name=\"").Append(name).Append("\" value=\"").Append(E(values.GetValueOrDefault(name))).Append("\"></dd>");
        }
        html.Append("<dt><label for=\"reason\">Reason for the change</label></dt><dd><input id=\"reason\" name=\"reason\" required value=\"")
            .Append(E(reason)).Append("\"></dd></dl><button>Save</button></form>");
        return html.ToString();
    }

    private static string EventName(OutcomeEventKind kind) => kind switch
    {
        OutcomeEventKind.LocalRecurrence => "local recurrence",
        OutcomeEventKind.DistantMetastasis => "distant metastasis",
        _ => "death",
    };

    private static string Status(PatientRecord r) =>
        r.First(OutcomeEventKind.Death) is not null ? "dead"
        : r.First(OutcomeEventKind.DistantMetastasis) is not null ? "metastatic"
        : r.First(OutcomeEventKind.LocalRecurrence) is not null ? "local recurrence"
        : "no event";

    private static void Item(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value.Length == 0 ? "—" : value)).Append("</dd>");

    private static void Select(StringBuilder html, string name, string? value, string[] codes)
    {
        html.Append("<label>").Append(name).Append(" <select name=\"").Append(name).Append("\"><option value=\"\">any</option>");
        foreach (var code in codes)
        {
            html.Append("<option").Append(code == value ? " selected" : "").Append('>').Append(E(code)).Append("</option>");
        }
        html.Append("</select></label> ");
    }

    private static string PageUrl(HttpContext http, int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Request.Query)
        {
            query[key] = value.ToString();
        }
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/patients", query);
    }

    private static string LoginForm(HttpContext http, IAntiforgery af, string? message)
    {
        var tokens = af.GetAndStoreTokens(http);
        var html = new StringBuilder();
        if (message is not null)
        {
            html.Append("<p class=\"error\">").Append(E(message)).Append("</p>");
        }
        html.Append("<form method=\"post\" action=\"/login").Append(E(http.Request.QueryString.Value)).Append("\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\">")
            .Append("<label>E-mail <input type=\"email\" name=\"email\" autocomplete=\"username\" required></label> ")
            .Append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label> ")
            .Append("<button>Sign in</button></form>");
        return html.ToString();
    }

    internal static IResult Page(HttpContext http, string title, string body, bool signedIn = true, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(title)).Append(" · Sarc</title><style>body{font-family:sans-serif;margin:1.5rem}table{border-collapse:collapse}td,th{border-bottom:1px solid #ccc;padding:.2rem .6rem;text-align:left}dt{font-weight:bold}.error{color:#b00}</style></head><body><header>");
        if (signedIn)
        {
            var af = http.RequestServices.GetRequiredService<IAntiforgery>();
            var tokens = af.GetAndStoreTokens(http);
            html.Append("<nav><a href=\"/patients\">Patients</a> · <a href=\"/surveillance\">Surveillance</a> · <a href=\"/studies\">Studies</a> · ")
                .Append(E(http.User.Identity?.Name)).Append(" <form method=\"post\" action=\"/logout\" style=\"display:inline\"><input type=\"hidden\" name=\"")
                .Append(E(tokens.FormFieldName)).Append("\" value=\"").Append(E(tokens.RequestToken)).Append("\"><button>Sign out</button></form></nav>");
        }
        html.Append("<h1>").Append(E(title)).Append("</h1></header><main>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
