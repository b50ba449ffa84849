using Sarc.Interop.Pseudonymization;
using Sarc.Registry.LongFormat;
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
        var output = CommonOptions.Out("A folder (long format, six CSV files), a .xlsx file (long format, six sheets), or a .csv file (flat template: one row per patient).");
        var pseudonymize = new Option<bool>("--pseudonymize") { Description = "Remove the HIPAA Safe Harbor identifiers: keyed pseudonyms for patient ids, every date of a patient shifted by one secret offset (-180..+180 days, intervals unchanged), birth year only (90+ over 89), free text dropped. Needs --key-file; long format only." };
        var keyFile = new Option<string>("--key-file") { Description = "With --pseudonymize: the secret key (at least 32 bytes; the same key gives the same pseudonyms and shifts)." };
        var keepText = new Option<bool>("--keep-text") { Description = "With --pseudonymize: keep the free text (systemic regimens)." };
        return CliCommand.OnRegistry("export", "Export the registry: the long format to a folder or .xlsx, the flat template to a .csv file; --pseudonymize for data that leaves the hospital.", [output, pseudonymize, keyFile, keepText], (parse, db) =>
        {
            var path = parse.GetValue(output)!;
            var flat = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
            PseudonymKey? key = null;
            if (parse.GetValue(pseudonymize))
            {
                if (flat)
                {
                    throw new DataInputException("--pseudonymize writes the long format (the flat template needs full birth dates): give a folder or a .xlsx file to --out");
                }
                key = PseudonymKey.Read(parse.GetValue(keyFile) ?? throw new DataInputException("--pseudonymize needs --key-file FILE (the secret behind the pseudonyms and date shifts)"));
            }
            else if (parse.GetValue(keyFile) is not null || parse.GetValue(keepText))
            {
                throw new DataInputException("--key-file and --keep-text belong to --pseudonymize");
            }
            using var store = RegistryStore.OpenExisting(db);
            var patients = store.LoadPatients();
            OutputFile.Write(path, () =>
            {
                if (key is not null)
                {
                    if (File.Exists(path) && !path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new DataInputException($"--out: '{path}' is a file; give a folder or a .xlsx file");
                    }
                    var pseudonymized = Pseudonymizer.Apply(patients, key, parse.GetValue(keepText));
                    if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                    {
                        pseudonymized.WriteWorkbook(path);
                    }
                    else
                    {
                        pseudonymized.WriteFolder(path);
                    }
                }
                else if (flat)
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
            });
            if (flat)
            {
                var hidden = patients.Count(r => !TemplateCells.ShowsAll(r));
                if (hidden > 0)
                {
                    context.Error.WriteLine($"sarc export: {hidden} patient{(hidden == 1 ? " has" : "s have")} more than the flat template can show (it has the first recurrence and metastasis, one surgery and one course); export to a folder or .xlsx for everything");
                }
            }
            context.Output.WriteLine($"{path}: {patients.Count} patients from {store.Description}{(flat ? " (flat template)" : key is not null ? " (long format, pseudonymized)" : " (long format)")}");
            return SarcApp.Success;
        });
    }
}
