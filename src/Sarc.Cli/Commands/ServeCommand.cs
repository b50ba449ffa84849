using System.CommandLine;
using Sarc.Web;
using Sarc.Web.Hosting;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc serve</c>: the registry web app (pages and JSON API) on the same database as the CLI.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://localhost:5080" };
        var command = new Command("serve", "Serve the registry in the browser and as a JSON API (see docs/web.md, docs/api.md).") { db, urls };
        command.SetAction(parse =>
        {
            var app = SarcWebApp.Build(new WebOptions(parse.GetValue(db)!, parse.GetValue(urls)!));
            context.Error.WriteLine($"sarc serve: {parse.GetValue(urls)} on {parse.GetValue(db)} (Ctrl+C stops)");
            app.Run();
            return SarcApp.Success;
        });
        return command;
    }
}
