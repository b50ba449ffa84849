using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Interop;
using Sarc.Interop.Redcap;
using Sarc.Registry.Audit;
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
        var db = RegistryOptions.Db();
        var url = new Option<string>("--url") { Description = "The project's API URL, e.g. https://redcap.example.org/api/.", Required = true };
        var tokenFile = new Option<string>("--token-file") { Description = "A file holding the project's API token (32 hexadecimal characters); never give the token on the command line.", Required = true };
        var mapping = RedcapCommand.MappingOption(required: false);
        var update = new Option<bool>("--update") { Description = "Allow records of patients already in the registry; each change is audited." };
        var reason = new Option<string>("--reason") { Description = "Why the data is imported; kept in every audit record of this import." };
        var asOf = RegistryOptions.AsOf("Today's date for the check that no date lies in the future (YYYY-MM-DD; default: today).");
        var json = CommonOptions.Json();
        var command = new Command("pull", "Fetch a REDCap project's data dictionary and records through its API and import them (as redcap import).")
        {
            db, url, tokenFile, mapping, update, reason, asOf, json,
        };
        command.SetAction(parse =>
        {
            var database = parse.GetValue(db)!;
            var api = RedcapApiClient.ParseUrl(parse.GetValue(url)!);
            var token = RedcapApiClient.ReadToken(parse.GetValue(tokenFile)!);
            var audit = AuditContext.ForCurrentUser(ImportCommand.Reason(parse.GetValue(reason)));
            var today = RegistryOptions.AsOfValue(parse, asOf) ?? DateOnly.FromDateTime(audit.Clock.GetLocalNow().DateTime);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            MappedImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(json)))
            {
                result = RedcapImporter.Pull(() => RegistryStore.Open(database), new RedcapApiClient(http, api, token), parse.GetValue(mapping),
                    parse.GetValue(update), audit, today,
                    terminal?.For<string>(what => $"sarc redcap pull: fetching {what} from {api.Host}…"),
                    terminal?.For<Sarc.Registry.ImportProgress>(p => RedcapCommand.Describe("pull", p)));
            }
            return RedcapCommand.Report(context, result, "pull", api.ToString(), database, parse.GetValue(json));
        });
        return command;
    }
}
