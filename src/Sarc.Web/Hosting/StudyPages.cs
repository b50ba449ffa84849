using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sarc.Data;
using Sarc.Studies.Definitions;
using Sarc.Web.Access;
using Sarc.Web.Studies;

namespace Sarc.Web.Hosting;

/// <summary>
/// The study pages: <c>/studies</c> lists the definitions and the user's runs, <c>/studies/{id}</c> describes one and
/// offers to run it, POST <c>/studies/{id}/run</c> runs it on the user's visible patients only (through
/// <see cref="PatientAccess"/>) and redirects to <c>/studies/runs/{run}/</c>, which serves the report (index.html,
/// figures, CSV tables, results.json) to the run's owner only; anyone else, and any malformed run or file name, gets 404.
/// </summary>
internal static class StudyPages
{
    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        var runs = new StudyRunStore(options.RunsFolder, options.Clock);

        app.MapGet("/studies", (HttpContext http) =>
        {
            var html = new StringBuilder("<table><thead><tr><th>Study</th><th>Description</th><th>Analyses</th></tr></thead><tbody>");
            foreach (var study in options.Studies.Studies)
            {
                html.Append("<tr><td><a href=\"/studies/").Append(Uri.EscapeDataString(study.Id)).Append("\">").Append(HtmlPages.E(study.Title))
                    .Append("</a></td><td>").Append(HtmlPages.E(study.Description?.Trim())).Append("</td><td>")
                    .Append(HtmlPages.E(string.Join(", ", study.Analyses.Select(a => a.Kind)))).Append("</td></tr>");
            }
            html.Append("</tbody></table><h2>Your runs</h2>");
            var mine = runs.Of(Claims.User(http.User));
            if (mine.Count == 0)
            {
                html.Append("<p>None yet.</p>");
            }
            else
            {
                html.Append("<table><thead><tr><th>Started (UTC)</th><th>Study</th><th>Patients</th></tr></thead><tbody>");
                foreach (var run in mine)
                {
                    html.Append("<tr><td><a href=\"").Append(RunUrl(run)).Append("\">").Append(run.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                        .Append("</a></td><td>").Append(HtmlPages.E(run.StudyTitle)).Append("</td><td>").Append(run.Patients.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
                }
                html.Append("</tbody></table>");
            }
            return HtmlPages.Page(http, "Studies", html.ToString());
        });

        app.MapGet("/studies/{id}", (HttpContext http, string id) =>
        {
            if (options.Studies.Find(id) is not { } study)
            {
                return NotFound(http, "No such study.");
            }
            using var session = Session.Open(http, options);
            var visible = session.Access.Visible().Count;
            return HtmlPages.Page(http, study.Title, Describe(http, study, visible));
        });

        app.MapPost("/studies/{id}/run", async (HttpContext http, IAntiforgery af, string id) =>
        {
            if (!await af.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The form expired; reload the page.");
            }
            if (options.Studies.Find(id) is not { } study)
            {
                return NotFound(http, "No such study.");
            }
            using var session = Session.Open(http, options);
            try
            {
                var run = await runs.RunAsync(study, session.Access.Visible(), session.Access.User, http.RequestAborted);
                return Results.Redirect(RunUrl(run));
            }
            catch (DataInputException e)
            {
                return HtmlPages.Page(http, study.Title, "<p class=\"error\">The study could not run: " + HtmlPages.E(e.Message) + "</p>", status: StatusCodes.Status422UnprocessableEntity);
            }
        });

        // Routing ignores a trailing slash, but the report's relative figure and table links need it: without it they
        // would resolve one level too high, so the bare run URL redirects to the folder form.
        app.MapGet("/studies/runs/{run}", (HttpContext http, string run) =>
            http.Request.Path.Value!.EndsWith('/') ? Serve(http, runs, run, "index.html")
            : runs.Find(run, Claims.User(http.User)) is { } found ? Results.Redirect(RunUrl(found))
            : NotFound(http, "No such run."));

        app.MapGet("/studies/runs/{run}/{file}", (HttpContext http, string run, string file) => Serve(http, runs, run, file));
    }

    private static IResult Serve(HttpContext http, StudyRunStore runs, string runId, string name)
    {
        if (runs.Find(runId, Claims.User(http.User)) is not { } run || StudyRunStore.ReportFile(run, name) is not { } file)
        {
            return NotFound(http, "No such run or file.");
        }
        return Results.File(file.Path, file.ContentType);
    }

    private static string Describe(HttpContext http, StudyDefinition study, int visible)
    {
        var html = new StringBuilder();
        if (study.Description is { } description)
        {
            html.Append("<p>").Append(HtmlPages.E(description.Trim())).Append("</p>");
        }
        html.Append("<p>Cohort: ").Append(study.Cohort.Count == 0 ? "every patient" : HtmlPages.E(string.Join("; ", study.Cohort))).Append("</p><ol>");
        foreach (var analysis in study.Analyses)
        {
            html.Append("<li>").Append(HtmlPages.E(analysis.Text("title") ?? analysis.Id)).Append(" <small>(").Append(HtmlPages.E(analysis.Kind)).Append(")</small></li>");
        }
        html.Append("</ol><form method=\"post\" action=\"/studies/").Append(Uri.EscapeDataString(study.Id)).Append("/run\">").Append(HtmlPages.Antiforgery(http))
            .Append(CultureInfo.InvariantCulture, $"<p>The study runs on the {visible} patients you can see; it takes a few seconds, then the report opens.</p>")
            .Append("<button>Run the study</button></form>");
        return html.ToString();
    }

    private static string RunUrl(StudyRun run) => "/studies/runs/" + run.Id + "/";

    private static IResult NotFound(HttpContext http, string message) =>
        HtmlPages.Page(http, "Not found", "<p>" + HtmlPages.E(message) + "</p>", status: StatusCodes.Status404NotFound);
}
