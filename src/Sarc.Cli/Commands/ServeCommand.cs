using Sarc.Studies.Definitions;
using Sarc.Web;
using Sarc.Web.Hosting;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc serve</c>: the registry web app (pages and JSON API) on the same database as the CLI.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://localhost:5080" };
        var studies = new Option<string>("--studies") { Description = "A folder of the center's own study definitions (*.yaml), offered next to the built-in ones." };
        var runs = new Option<string>("--runs") { Description = "Working folder for study runs (default: DB.runs next to an SQLite registry)." };
        var rules = SurveillanceCommand.RulesOption();
        var pseudonymKey = new Option<string>("--pseudonym-key-file") { Description = "The key of the pseudonymized download /export/pseudonymized.zip (default: DB.pseudonym.key next to an SQLite registry, created on first use)." };
        var maxUpload = new Option<int>("--max-upload-mb")
        {
            Description = "The largest template upload (/import, POST /api/import) in MB; larger ones are refused with 413.",
            DefaultValueFactory = _ => 50,
        };
        return CliCommand.OnRegistry("serve", "Serve the registry in the browser and as a JSON API (see docs/web.md, docs/api.md).", [urls, studies, runs, rules, maxUpload, pseudonymKey], (parse, db) =>
        {
            var folder = parse.GetValue(studies);
            if (parse.GetValue(maxUpload) is < 1 or > 10_000)
            {
                throw new DataInputException($"--max-upload-mb must be from 1 to 10000, found {parse.GetValue(maxUpload)}");
            }
            // Serving a mistyped path would create an empty registry that nobody can sign in to.
            RegistryStore.RequireExisting(db);
            var app = SarcWebApp.Build(new WebOptions(db, parse.GetValue(urls)!)
            {
                Studies = folder is null ? StudyCatalog.BuiltIn : StudyCatalog.WithDirectory(folder),
                RunsDirectory = parse.GetValue(runs),
                PseudonymKeyFile = parse.GetValue(pseudonymKey),
                MaxUploadBytes = parse.GetValue(maxUpload) * 1024L * 1024L,
                // The worklist, calendar, record page and API due list follow the same rule file as `sarc surveillance`.
                Rules = SurveillanceCommand.LoadRules(parse.GetValue(rules)),
            });
            context.Error.WriteLine($"sarc serve: {parse.GetValue(urls)} on {db} (Ctrl+C stops)");
            app.Run();
            return SarcApp.Success;
        });
    }
}
