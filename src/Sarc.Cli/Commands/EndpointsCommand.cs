using Sarc.Registry.Endpoints;
using Sarc.Statistics;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc endpoints</c>: an analysis-ready CSV (time, event or status, covariates) for sarc km / sarc cox, from the registry's one endpoint engine.</summary>
internal static class EndpointsCommand
{
    public static Command Create(CliContext context)
    {
        var endpoint = new Option<string>("--endpoint")
        {
            Description = $"One of: {string.Join(", ", EndpointNames.All)}.",
            Required = true,
        };
        var output = CommonOptions.Out("CSV file to write.");
        return CliCommand.OnRegistry("endpoints", "Write an analysis-ready endpoint dataset (origin = primary surgery, months = days / 30.4375) with the study covariates.", [endpoint, output], (parse, db) =>
        {
            // The endpoint name is checked before the database is opened: a typo must not create sarc.db.
            var kind = EndpointNames.Parse(parse.GetValue(endpoint)!);
            var path = parse.GetValue(output)!;
            Stages.Mark("start, options");
            using var store = RegistryStore.OpenExisting(db);
            Stages.Mark("open the registry");
            var records = store.LoadPatients();
            Stages.Mark("load every patient");
            var table = EndpointEngine.Table(records, kind);
            Stages.Mark("derive the endpoint");
            OutputFile.Write(path, () => table.WriteCsv(path));
            foreach (var warning in table.Warnings)
            {
                context.Error.WriteLine($"sarc endpoints: {EndpointNames.NameOf(kind)}: {warning}");
            }
            Stages.Mark("write the CSV");
            context.Output.WriteLine($"{path}: {EndpointNames.NameOf(kind)}, {table.Rows.Count} rows from {store.Description}");
            return SarcApp.Success;
        });
    }
}
