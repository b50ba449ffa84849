using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Sarc.Surveillance;
using Sarc.Surveillance.Calendar;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>
/// The surveillance worklist (<c>/surveillance?as_of=&amp;days=&amp;center=&amp;page=</c>) of the user's visible patients (one
/// center's when given): the due list with each patient's last contact, <see cref="WorklistPage.PageSize"/> to a page, and apart the patients lost to follow-up; and
/// the same due list as an iCalendar download (<c>/surveillance.ics</c>, Sarc.Surveillance's <see cref="IcsCalendarWriter"/>), both with
/// the server's rule file (<c>sarc serve --rules</c>, or the built-in rules).
/// </summary>
internal static class WorklistEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/surveillance", (HttpContext http, [FromQuery(Name = WorklistPage.AsOfField)] string? asOfText, [FromQuery(Name = WorklistPage.DaysField)] int? days,
            [FromQuery(Name = WorklistPage.CenterField)] string? center, [FromQuery(Name = Html.PageField)] int? page) =>
        {
            if (Window(asOfText, days, options, out var asOf, out var within) is { } problem)
            {
                return Refused(problem);
            }
            using var session = Session.Open(http);
            center = string.IsNullOrEmpty(center) ? null : center;
            var query = new Dictionary<string, string?>
            {
                [WorklistPage.AsOfField] = TemplateCodes.Date(asOf),
                [WorklistPage.DaysField] = within.ToString(CultureInfo.InvariantCulture),
            };
            if (center is not null)
            {
                query[WorklistPage.CenterField] = center;
            }
            var worklist = session.Access.Worklist(asOf, within, options.Rules, center);
            // The due list a page at a time, as the patient list: a center's list runs to thousands at 100,000 patients.
            var pages = Math.Max(1, (worklist.Due.Count + WorklistPage.PageSize - 1) / WorklistPage.PageSize);
            var shown = Math.Clamp(page ?? 1, 1, pages);
            return Html.Page<WorklistPage>(new
            {
                AsOf = asOf,
                Days = within,
                Center = center,
                Centers = session.Access.Centers(),
                Worklist = worklist,
                Page = shown,
                Pages = pages,
                Previous = Html.PreviousPage(http, shown),
                Next = Html.NextPage(http, shown, pages),
                CalendarUrl = QueryHelpers.AddQueryString("/surveillance.ics", query),
            });
        });

        app.MapGet("/surveillance.ics", (HttpContext http, [FromQuery(Name = WorklistPage.AsOfField)] string? asOfText, [FromQuery(Name = WorklistPage.DaysField)] int? days,
            [FromQuery(Name = WorklistPage.CenterField)] string? center, [FromQuery(Name = Html.PageField)] int? page) =>
        {
            if (Window(asOfText, days, options, out var asOf, out var within) is { } problem)
            {
                return Refused(problem);
            }
            using var session = Session.Open(http);
            var ics = new IcsCalendarWriter(options.Rules, options.Clock).ToIcs(session.Access.DueVisits(asOf, within, options.Rules, string.IsNullOrEmpty(center) ? null : center));
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"surveillance-{TemplateCodes.Date(asOf)}.ics\"";
            return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
        });
    }

    /// <summary>
    /// The as-of date (today when absent) and the number of days ahead (default 30, clamped to 0 to
    /// <see cref="DueWindow.MaxDays"/> as the form's field is); null, or the problem of an as-of date that is malformed
    /// or out of range.
    /// </summary>
    private static string? Window(string? asOfText, int? days, WebOptions options, out DateOnly asOf, out int within)
    {
        within = Math.Clamp(days ?? DueWindow.DefaultDays, 0, DueWindow.MaxDays);
        if (string.IsNullOrEmpty(asOfText))
        {
            asOf = options.Today;
            return null;
        }
        return DueWindow.TryDate(asOfText, out asOf);
    }

    private static IResult Refused(string problem) =>
        Html.Message("Surveillance worklist", problem + ".", StatusCodes.Status400BadRequest, new Link("/surveillance", "Today's worklist"));
}
