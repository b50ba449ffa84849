using Microsoft.AspNetCore.Antiforgery;
using Sarc.Data;
using Sarc.Web.Access;
using Sarc.Web.Pages;
using Sarc.Web.Studies;

namespace Sarc.Web.Hosting;

/// <summary>
/// The study pages: <c>/studies</c> lists the definitions and the user's runs, <c>/studies/{id}</c> describes one and
/// offers to run it, POST <c>/studies/{id}/run</c> runs it on the user's visible patients only (through
/// <see cref="PatientAccess"/>) and redirects to <c>/studies/runs/{run}/</c>, which serves the report (index.html,
/// figures, CSV tables, results.json) to the run's owner only; anyone else, and any malformed run or file name, gets 404.
/// </summary>
internal static class StudyEndpoints
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        var runs = new StudyRunStore(options.RunsFolder, options.Clock);

        app.MapGet("/studies", (HttpContext http) =>
            Html.Page<StudyListPage>(new { options.Studies.Studies, Runs = runs.Of(Claims.User(http.User)) }));

        app.MapGet("/studies/{id}", (HttpContext http, string id) =>
        {
            if (options.Studies.Find(id) is not { } study)
            {
                return Html.NotFound("No such study.");
            }
            using var session = Session.Open(http);
            return Html.Page<StudyPage>(new { Study = study, Visible = session.Access.CountVisible() });
        });

        app.MapPost("/studies/{id}/run", async (HttpContext http, IAntiforgery af, string id) =>
        {
            if (await Forms.ReadAsync(http, af) is null)
            {
                return Html.Expired(Urls.Study(id));
            }
            if (options.Studies.Find(id) is not { } study)
            {
                return Html.NotFound("No such study.");
            }
            using var session = Session.Open(http);
            try
            {
                var (patients, auditHead) = session.Access.VisibleWithAuditHead();
                var run = await runs.RunAsync(study, patients, auditHead, session.Access.User, http.RequestAborted);
                return Results.Redirect(StudyRunStore.Url(run));
            }
            catch (DataInputException e)
            {
                return Html.Message(study.Title, "The study could not run: " + e.Message, StatusCodes.Status422UnprocessableEntity, new Link(Urls.Study(study.Id), "Back to the study"));
            }
        });

        // Routing ignores a trailing slash, but the report's relative figure and table links need it: without it they
        // would resolve one level too high, so the bare run URL redirects to the folder form.
        app.MapGet("/studies/runs/{run}", (HttpContext http, string run) =>
            http.Request.Path.Value!.EndsWith('/') ? Serve(http, runs, run, "index.html")
            : runs.Find(run, Claims.User(http.User)) is { } found ? Results.Redirect(StudyRunStore.Url(found))
            : Html.NotFound("No such run."));

        app.MapGet("/studies/runs/{run}/{file}", (HttpContext http, string run, string file) => Serve(http, runs, run, file));
    }

    private static IResult Serve(HttpContext http, StudyRunStore runs, string runId, string name)
    {
        if (runs.Find(runId, Claims.User(http.User)) is not { } run || StudyRunStore.ReportFile(run, name) is not { } file)
        {
            return Html.NotFound("No such run or file.");
        }
        return Results.File(file.Path, file.ContentType);
    }
}
