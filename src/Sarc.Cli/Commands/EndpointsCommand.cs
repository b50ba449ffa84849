using System.CommandLine;
using Sarc.Data;
using Sarc.Registry.Endpoints;
using Sarc.Registry.Storage;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc endpoints</c>: an analysis-ready CSV (time, event or status, covariates) for sarc km / sarc cox, from the registry's one endpoint engine.</summary>
internal static class EndpointsCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var endpoint = new Option<string>("--endpoint")
        {
            Description = $"One of: {string.Join(", ", EndpointNames.All)}.",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "CSV file to write.", Required = true };
        var command = new Command("endpoints", "Write an analysis-ready endpoint dataset (origin = primary surgery, months = days / 30.4375) with the study covariates.")
        {
            db, endpoint, output,
        };
        command.SetAction(parse =>
        {
            // The endpoint name is checked before the database is opened: a typo must not create sarc.db.
            var kind = EndpointNames.Parse(parse.GetValue(endpoint)!);
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(parse.GetValue(db)!);
            var table = EndpointEngine.Table(store.LoadPatients(), kind);
            try
            {
                table.WriteCsv(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"{path}: cannot be written: {e.Message}");
            }
            foreach (var warning in table.Warnings)
            {
                context.Error.WriteLine($"sarc endpoints: {EndpointNames.NameOf(kind)}: {warning}");
            }
            context.Output.WriteLine($"{path}: {EndpointNames.NameOf(kind)}, {table.Rows.Count} rows from {store.Description}");
            return SarcApp.Success;
        });
        return command;
    }
}
