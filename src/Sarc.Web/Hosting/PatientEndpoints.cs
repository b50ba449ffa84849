using Microsoft.AspNetCore.Mvc;
using Sarc.Registry.Domain;
using Sarc.Registry.Models;
using Sarc.Studies.Prediction;
using Sarc.Surveillance;
using Sarc.Web.Access;
using Sarc.Web.Pages;

namespace Sarc.Web.Hosting;

/// <summary>The reading pages: patient list, patient record (with the one-click event forms for writers), audit trail.</summary>
internal static class PatientEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet("/patients", (
            HttpContext http,
            [FromQuery(Name = PatientListPage.IdField)] string? q,
            [FromQuery(Name = PatientListPage.CenterField)] string? center,
            [FromQuery(Name = PatientListPage.SiteField)] string? site,
            [FromQuery(Name = PatientListPage.GradeField)] string? grade,
            [FromQuery(Name = PatientListPage.PageField)] int? page) =>
        {
            using var session = Session.Open(http);
            var query = new PatientQuery(q, center, site, grade, page ?? 1);
            var result = session.Access.Search(query);
            return Html.Page<PatientListPage>(new
            {
                Query = query,
                Result = result,
                Centers = session.Access.Centers(),
                Previous = Html.PreviousPage(http, result.Page),
                Next = Html.NextPage(http, result.Page, result.Pages),
            });
        });

        app.MapGet("/patients/{id}", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http);
            var record = session.Access.Find(id);
            if (record is null)
            {
                return Html.NotFound();
            }
            return Html.Page<PatientRecordPage>(new
            {
                Record = record,
                Cells = session.Access.Cells(record),
                session.Access.User,
                Predictions = Predictions(http, record),
                NextVisits = NextVisits(record, options),
                Today = options.Today,
            });
        });

        app.MapGet("/patients/{id}/audit", (HttpContext http, string id) =>
        {
            using var session = Session.Open(http);
            var entries = session.Access.Audit(id);
            return entries is null ? Html.NotFound() : Html.Page<AuditPage>(new { PatientId = id, Entries = entries });
        });
    }

    /// <summary>
    /// The predictions of the models registered for <paramref name="record"/>'s center (its own and those for all
    /// centers), for a patient the caller has found through <see cref="PatientAccess"/>.
    /// </summary>
    internal static IReadOnlyList<RegisteredPrediction> Predictions(HttpContext http, PatientRecord record) =>
        RegisteredPredictions.For(record, http.RequestServices.GetRequiredService<ModelStore>().ForCenter(record.Patient.Center));

    /// <summary>The next three visits after the last follow-up (restarted by a local recurrence); none after metastasis or death.</summary>
    private static IReadOnlyList<ScheduledVisit> NextVisits(PatientRecord record, WebOptions options)
    {
        if (record.First(OutcomeEventKind.Death) is not null || record.First(OutcomeEventKind.DistantMetastasis) is not null)
        {
            return [];
        }
        var next = new List<ScheduledVisit>(3);
        foreach (var v in PatientAccess.Schedule(record, options.Rules).Visits)
        {
            if (v.Date > record.LastContact && next.Count < 3)
            {
                next.Add(v);
            }
        }
        return next;
    }
}
