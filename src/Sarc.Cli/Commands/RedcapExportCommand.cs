using Sarc.Interop.Redcap;
using Sarc.Registry.Storage;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc redcap export</c>: the registry as records of Sarc's REDCap project, in REDCap's flat import format.</summary>
internal static class RedcapExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var output = CommonOptions.Out("The records file to write (CSV, REDCap's flat import format).");
        var command = new Command("export", "Write the registry as records of Sarc's REDCap project (REDCap's flat import format, one row per record and per repeating instance).")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(parse.GetValue(db)!);
            var patients = store.LoadPatients();
            var text = new StringWriter();
            RedcapExporter.Write(patients, text);
            var csv = text.ToString();
            var rows = csv.Count(c => c == '\n') - 1;
            OutputFile.Write(path, () => File.WriteAllText(path, csv));
            context.Output.WriteLine($"{path}: {patients.Count} records in {rows} rows from {store.Description} (REDCap flat import format)");
            return SarcApp.Success;
        });
        return command;
    }
}
