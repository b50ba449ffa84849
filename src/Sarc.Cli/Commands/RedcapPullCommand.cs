using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Interop;
using Sarc.Interop.Redcap;
using Sarc.Registry.Storage;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap pull</c>: fetches a project's data dictionary and records through REDCap's API and imports them as
/// <c>sarc redcap import</c> does.
/// </summary>
internal static class RedcapPullCommand
{
    public static Command Create(CliContext context)
    {
        var common = new InteropImportOptions();
        var url = new Option<string>("--url") { Description = "The project's API URL, e.g. https://redcap.example.org/api/.", Required = true };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding the project's API token (32 hexadecimal characters); never give the token on the command line.", Required = true };
        var mapping = RedcapCommand.MappingOption();
        var command = new Command("pull", "Fetch a REDCap project's data dictionary and records through its API and import them (as redcap import).")
        {
            url, tokenFile, mapping,
        };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var database = parse.GetValue(common.Db)!;
            var api = RedcapApiClient.ParseUrl(parse.GetValue(url)!);
            var token = RedcapApiClient.ReadToken(parse.GetValue(tokenFile)!);
            var audit = common.Audit(parse);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            MappedImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(common.Json)))
            {
                result = RedcapImporter.Pull(() => RegistryStore.Open(database), new RedcapApiClient(http, api, token), parse.GetValue(mapping),
                    parse.GetValue(common.Update), audit, common.Today(parse, audit),
                    terminal?.For<string>(what => $"sarc redcap pull: fetching {what} from {api.Host}…"),
                    terminal?.For<Sarc.Registry.ImportProgress>(p => InteropImportOptions.Describe("redcap pull", p)));
            }
            return common.Report(context, parse, result, "redcap pull", api.ToString(), "records");
        });
        return command;
    }
}
