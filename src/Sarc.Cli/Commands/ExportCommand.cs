using System.CommandLine;
using Sarc.Data;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc export</c>: the whole registry in the long format (a folder of six CSV files, or an .xlsx workbook with six
/// sheets) or in the flat template (a path ending in .csv), in patient_id order; import of the export gives the same
/// registry.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var db = RegistryOptions.Db();
        var output = new Option<string>("--out") { Description = "A folder (long format, six CSV files), a .xlsx file (long format, six sheets), or a .csv file (flat template: one row per patient).", Required = true };
        var command = new Command("export", "Export the registry: the long format to a folder or .xlsx, the flat template to a .csv file.")
        {
            db, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(parse.GetValue(db)!);
            var patients = store.LoadPatients();
            var flat = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
            try
            {
                if (flat)
                {
                    TemplateWriter.WriteFile(patients, path);
                }
                else if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    LongFormatWriter.WriteWorkbook(patients, path);
                }
                else
                {
                    if (File.Exists(path))
                    {
                        throw new DataInputException($"--out: '{path}' is a file; give a folder, a .xlsx or a .csv file");
                    }
                    LongFormatWriter.WriteFolder(patients, path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"{path}: cannot be written: {e.Message}");
            }
            if (flat)
            {
                var hidden = patients.Count(r => !TemplateCells.ShowsAll(r));
                if (hidden > 0)
                {
                    context.Error.WriteLine($"sarc export: {hidden} patient{(hidden == 1 ? " has" : "s have")} more than the flat template can show (it has the first recurrence and metastasis, one surgery and one course); export to a folder or .xlsx for everything");
                }
            }
            context.Output.WriteLine($"{path}: {patients.Count} patients from {store.Description}{(flat ? " (flat template)" : " (long format)")}");
            return SarcApp.Success;
        });
        return command;
    }
}
