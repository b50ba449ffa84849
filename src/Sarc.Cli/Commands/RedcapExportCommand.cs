using System.CommandLine;
using Sarc.Data;
using Sarc.Interop.Redcap;
using Sarc.Registry.Storage;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc redcap export</c>: the registry as records of Sarc's REDCap project, in REDCap's flat import format.</summary>
internal static class RedcapExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var output = new Option<string>("--out") { Description = "The records file to write (CSV, REDCap's flat import format).", Required = true };
        var command = new Command("export", "Write the registry as records of Sarc's REDCap project (REDCap's flat import format, one row per record and per repeating instance).")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(parse.GetValue(db)!);
            var patients = store.LoadPatients();
            var rows = 0;
            try
            {
                var text = new StringWriter();
                RedcapExporter.Write(patients, text);
                var csv = text.ToString();
                rows = csv.Count(c => c == '\n') - 1;
                File.WriteAllText(path, csv);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"{path}: cannot be written: {e.Message}");
            }
            context.Output.WriteLine($"{path}: {patients.Count} records in {rows} rows from {store.Description} (REDCap flat import format)");
            return SarcApp.Success;
        });
        return command;
    }
}
