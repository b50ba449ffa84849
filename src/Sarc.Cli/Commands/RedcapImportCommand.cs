using Sarc.Interop.Redcap;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc redcap import</c>: a REDCap project's records (its data dictionary and flat record export) into the registry,
/// through a mapping for a center's own project; every record that cannot be mapped is listed and nothing is imported.
/// </summary>
internal static class RedcapImportCommand
{
    public static Command Create(CliContext context)
    {
        var common = new ImportOptions();
        var dictionary = new Option<string>("--dictionary") { Description = "The project's data dictionary (REDCap's CSV download, 18 columns).", Required = true };
        var records = new Option<string>("--records") { Description = "The project's records (REDCap's CSV export, raw codes, flat).", Required = true };
        var mapping = RedcapCommand.MappingOption();
        var command = new Command("import", "Import a REDCap project's records (Sarc's project, or a center's own with --mapping): every record maps and is valid, or nothing changes.")
        {
            dictionary, records, mapping,
        };
        common.AddTo(command);
        command.SetAction(parse => common.Run(context, parse, "redcap import", parse.GetValue(records)!, "records",
            run => RedcapImporter.ImportFiles(run.OpenStore, parse.GetValue(dictionary)!, parse.GetValue(records)!, parse.GetValue(mapping),
                run.Update, run.Audit, run.Today, run.Progress)));
        return command;
    }
}
