using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Interop;
using Sarc.Interop.Redcap;
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
        var common = new InteropImportOptions();
        var dictionary = new Option<string>("--dictionary") { Description = "The project's data dictionary (REDCap's CSV download, 18 columns).", Required = true };
        var records = new Option<string>("--records") { Description = "The project's records (REDCap's CSV export, raw codes, flat).", Required = true };
        var mapping = RedcapCommand.MappingOption();
        var command = new Command("import", "Import a REDCap project's records (Sarc's project, or a center's own with --mapping): every record maps and is valid, or nothing changes.")
        {
            dictionary, records, mapping,
        };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var database = parse.GetValue(common.Db)!;
            var recordsPath = parse.GetValue(records)!;
            var audit = common.Audit(parse);
            MappedImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(common.Json)))
            {
                result = RedcapImporter.ImportFiles(() => RegistryStore.Open(database), parse.GetValue(dictionary)!, recordsPath, parse.GetValue(mapping),
                    parse.GetValue(common.Update), audit, common.Today(parse, audit),
                    terminal?.For<Sarc.Registry.ImportProgress>(p => InteropImportOptions.Describe("redcap import", p)));
            }
            return common.Report(context, parse, result, "redcap import", recordsPath, "records");
        });
        return command;
    }
}
