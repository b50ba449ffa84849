using Sarc.Interop.Redcap;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap pull</c>: fetches a project's data dictionary and records through REDCap's API and imports them as
/// <c>sarc redcap import</c> does.
/// </summary>
internal static class RedcapPullCommand
{
    public static Command Create(CliContext context)
    {
        var common = new ImportOptions();
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
            var api = RedcapApiClient.ParseUrl(parse.GetValue(url)!);
            var token = RedcapApiClient.ReadToken(parse.GetValue(tokenFile)!);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            return common.Run(context, parse, "redcap pull", api.ToString(), "records",
                run => RedcapImporter.Pull(run.OpenStore, new RedcapApiClient(http, api, token), parse.GetValue(mapping), run.Update, run.Audit, run.Today,
                    run.Terminal?.For<string>(what => $"sarc redcap pull: fetching {what} from {api.Host}…"), run.Progress));
        });
        return command;
    }
}
