using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Interop;
using Sarc.Interop.Redcap;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap import</c>: a REDCap project's records (its data dictionary and flat record export) into the registry,
/// through a mapping for a center's own project; every record that cannot be mapped is listed and nothing is imported.
/// </summary>
internal static class RedcapImportCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var dictionary = new Option<string>("--dictionary") { Description = "The project's data dictionary (REDCap's CSV download, 18 columns).", Required = true };
        var records = new Option<string>("--records") { Description = "The project's records (REDCap's CSV export, raw codes, flat).", Required = true };
        var mapping = RedcapCommand.MappingOption(required: false);
        var update = new Option<bool>("--update") { Description = "Allow records of patients already in the registry; each change is audited." };
        var reason = new Option<string>("--reason") { Description = "Why the data is imported; kept in every audit record of this import." };
        var asOf = RegistryOptions.AsOf("Today's date for the check that no date lies in the future (YYYY-MM-DD; default: today).");
        var json = CommonOptions.Json();
        var command = new Command("import", "Import a REDCap project's records (Sarc's project, or a center's own with --mapping): every record maps and is valid, or nothing changes.")
        {
            db, dictionary, records, mapping, update, reason, asOf, json,
        };
        command.SetAction(parse =>
        {
            var database = parse.GetValue(db)!;
            var recordsPath = parse.GetValue(records)!;
            var audit = AuditContext.ForCurrentUser(ImportCommand.Reason(parse.GetValue(reason)));
            var today = RegistryOptions.AsOfValue(parse, asOf) ?? DateOnly.FromDateTime(audit.Clock.GetLocalNow().DateTime);
            MappedImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(json)))
            {
                result = RedcapImporter.ImportFiles(() => RegistryStore.Open(database), parse.GetValue(dictionary)!, recordsPath, parse.GetValue(mapping),
                    parse.GetValue(update), audit, today, terminal?.For<Sarc.Registry.ImportProgress>(p => RedcapCommand.Describe("import", p)));
            }
            return RedcapCommand.Report(context, result, "import", recordsPath, database, parse.GetValue(json));
        });
        return command;
    }
}
