using System.CommandLine;
using Sarc.Data;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc export</c>: the whole registry in the flat template, one row per patient in patient_id order.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var output = new Option<string>("--out") { Description = "File to write: .xlsx, otherwise CSV.", Required = true };
        var command = new Command("export", "Export the registry in the flat import template (CSV or .xlsx); import of the export gives the same registry.")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(parse.GetValue(db)!);
            var patients = store.LoadPatients();
            try
            {
                TemplateWriter.WriteFile(patients, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"{path}: cannot be written: {e.Message}");
            }
            context.Output.WriteLine($"{path}: {patients.Count} patients from {store.Description}");
            return SarcApp.Success;
        });
        return command;
    }
}
