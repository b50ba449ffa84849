using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Registry.Domain;
using Sarc.Registry.Template;
using Sarc.Statistics.Radiotherapy;
using Sarc.Surveillance.Rules;
using Sarc.Web.Access;
using static Sarc.Web.Hosting.HtmlPages;

namespace Sarc.Web.Hosting;

/// <summary>The reading pages: patient list, patient record (with the one-click event forms for writers), audit trail.</summary>
internal static class PatientPages
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
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
            return record is null ? NotFound(http) : Page(http, $"Patient {record.Id}", Record(http, session.Access, record, options.Clock));
        });

        app.MapGet("/patients/{id}/audit", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http, options);
            var entries = session.Access.Audit(id);
            if (entries is null)
            {
                return NotFound(http);
            }
            var html = new StringBuilder("<table id=\"audit\"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>What</th><th>Old</th><th>New</th><th>Reason</th><th>Source file</th></tr></thead><tbody>");
            foreach (var e in entries)
            {
                var what = e.Field is null ? e.Entity : $"{e.Entity}.{e.Field}";
                html.Append("<tr><td>").Append(e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(e.Who))
                    .Append("</td><td>").Append(E(e.Action.ToString().ToLowerInvariant())).Append("</td><td>").Append(E(what))
                    .Append("</td><td>").Append(E(e.OldValue)).Append("</td><td>").Append(E(e.NewValue)).Append("</td><td>").Append(E(e.Reason))
                    .Append("</td><td>").Append(E(e.SourceFile)).Append("</td></tr>");
            }
            html.Append("</tbody></table><p><a href=\"/patients/").Append(Uri.EscapeDataString(id)).Append("\">Back to the record</a></p>");
            return Page(http, $"Audit of {id}", html.ToString());
        });
    }

    private static string Record(HttpContext http, PatientAccess access, PatientRecord r, TimeProvider clock)
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
        Item(html, "AJCC stage", r.AjccStage ?? "");
        html.Append("</dl><h2>Surgery</h2><ul>");
        foreach (var s in r.Surgeries)
        {
            html.Append("<li>").Append(TemplateCodes.Date(s.Date)).Append(", margin ").Append(TemplateCodes.Code(s.Margin)).Append("</li>");
        }
        html.Append("</ul><h2>Radiotherapy</h2><ul>");
        foreach (var c in r.Radiotherapy)
        {
            html.Append("<li>").Append(c.Setting is { } setting ? TemplateCodes.Code(setting) + ": " : "")
                .Append(CultureInfo.InvariantCulture, $"{c.DoseGy:0.##} Gy in {c.Fractions} fractions, EQD2 {c.Eqd2:0.0} Gy (α/β {Fractionation.SarcomaAlphaBeta:0.#} Gy)")
                .Append(c.EndDate is { } end ? ", ended " + TemplateCodes.Date(end) : "").Append("</li>");
        }
        html.Append("</ul><h2>Events</h2><ul id=\"events\">");
        foreach (var e in r.Events)
        {
            html.Append("<li>").Append(TemplateCodes.Date(e.Date)).Append(' ').Append(EventName(e.Kind))
                .Append(e.Cause is { } cause ? " (" + TemplateCodes.Code(cause) + ")" : "").Append("</li>");
        }
        html.Append("</ul><h2>Next surveillance visits</h2><ul id=\"next-visits\">");
        if (r.First(OutcomeEventKind.Death) is null && r.First(OutcomeEventKind.DistantMetastasis) is null)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var shown = 0;
            foreach (var v in PatientAccess.Schedule(r, RuleSet.Default).Visits)
            {
                if (v.Date > r.LastContact && shown < 3)
                {
                    html.Append("<li>").Append(TemplateCodes.Date(v.Date)).Append(v.Date < today ? " (overdue)" : "").Append(": ")
                        .Append(E(string.Join(", ", v.Exams))).Append(v.AfterLocalRecurrence ? " — plan restarted after the local recurrence" : "")
                        .Append("</li>");
                    shown++;
                }
            }
        }
        html.Append("</ul>");
        if (access.User.CanWrite)
        {
            html.Append("<h2>Record an event</h2><div class=\"events\">");
            foreach (var kind in Enum.GetValues<PatientEvent>())
            {
                DataEntryPages.EventForm(html, http, r.Id, kind, "", "", "");
            }
            html.Append("</div>");
        }
        html.Append("<p><a href=\"/patients/").Append(Uri.EscapeDataString(r.Id)).Append("/audit\">Audit trail</a>");
        if (access.User.CanWrite)
        {
            html.Append(" · <a href=\"/patients/").Append(Uri.EscapeDataString(r.Id)).Append("/edit\">Edit</a>");
        }
        html.Append("</p>");
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
}
