using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Sarc.Surveillance;
using Sarc.Surveillance.Calendar;
using Sarc.Surveillance.Rules;
using static Sarc.Web.Hosting.HtmlPages;

namespace Sarc.Web.Hosting;

/// <summary>
/// The surveillance worklist (<c>/surveillance?as_of=&amp;days=</c>) of the user's visible patients, and the same list
/// as an iCalendar download (<c>/surveillance.ics</c>, Sarc.Surveillance's <see cref="IcsCalendarWriter"/>).
/// </summary>
internal static class WorklistPages
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/surveillance", (HttpContext http, string? as_of, int? days) =>
        {
            var (asOf, within) = Window(as_of, days, options);
            using var session = Session.Open(http, options);
            var due = session.Access.Due(asOf, within, RuleSet.Default);
            var html = new StringBuilder();
            html.Append("<form method=\"get\" action=\"/surveillance\"><label>As of <input type=\"date\" id=\"as_of\" name=\"as_of\" value=\"").Append(TemplateCodes.Date(asOf))
                .Append(CultureInfo.InvariantCulture, $"\"></label> <label>Days ahead <input type=\"number\" id=\"days\" name=\"days\" min=\"0\" max=\"3650\" value=\"{within}\"></label> <button>Show</button></form>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{due.Count} patients due or overdue by ").Append(TemplateCodes.Date(asOf.AddDays(within)))
                .Append(" · <a id=\"ics\" href=\"").Append(E(QueryHelpers.AddQueryString("/surveillance.ics", new Dictionary<string, string?>
                {
                    ["as_of"] = TemplateCodes.Date(asOf),
                    ["days"] = within.ToString(CultureInfo.InvariantCulture),
                }))).Append("\">Download as iCalendar (.ics)</a></p>");
            html.Append("<table id=\"worklist\"><thead><tr><th>Patient</th><th>Next visit</th><th>Status</th><th>Exams</th><th>Profile</th></tr></thead><tbody>");
            foreach (var v in due)
            {
                html.Append("<tr><td><a href=\"/patients/").Append(Uri.EscapeDataString(v.PatientId)).Append("\">").Append(E(v.PatientId)).Append("</a></td><td>")
                    .Append(TemplateCodes.Date(v.NextVisit)).Append("</td><td>").Append(v.Status == DueStatus.Overdue ? "overdue" : "due").Append("</td><td>")
                    .Append(E(string.Join(", ", v.Exams))).Append("</td><td>").Append(E(v.Profile)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
            return Page(http, "Surveillance worklist", html.ToString());
        });

        app.MapGet("/surveillance.ics", (HttpContext http, string? as_of, int? days) =>
        {
            var (asOf, within) = Window(as_of, days, options);
            using var session = Session.Open(http, options);
            var ics = new IcsCalendarWriter(RuleSet.Default, options.Clock).ToIcs(session.Access.DueVisits(asOf, within, RuleSet.Default));
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"surveillance-{TemplateCodes.Date(asOf)}.ics\"";
            return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
        });
    }

    /// <summary>The as-of date (today when absent or not ISO) and the number of days ahead (default 30, 0 to 3650).</summary>
    private static (DateOnly AsOf, int Days) Window(string? asOf, int? days, WebOptions options) =>
        (TemplateCodes.TryDate(asOf, out var d) ? d : DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime),
         Math.Clamp(days ?? SurveillancePlanner.DefaultWithinDays, 0, 3650));
}
