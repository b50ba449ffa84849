using System.CommandLine;
using Sarc.Cli.Output;
using Sarc.Data;
using Sarc.Interop;
using Sarc.Interop.Fhir;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc fhir</c>: the registry as a FHIR R4 bundle of mCODE-shaped resources (<c>export</c>) and such a bundle back
/// into the registry (<c>import</c>, validated against FHIR R4 first). docs/fhir.md; the library is
/// <see cref="FhirExporter"/> and <see cref="FhirImporter"/>.
/// </summary>
internal static class FhirCommand
{
    public static Command Create(CliContext context) =>
        new("fhir", "FHIR R4 mCODE: export the registry (or a patient) as a bundle, or import such a bundle.")
        {
            Export(context),
            Import(context),
        };

    private static Command Export(CliContext context)
    {
        var db = RegistryOptions.Db();
        var patient = new Option<string>("--patient") { Description = "Only this patient (its id)." };
        var output = new Option<string>("--out") { Description = "The bundle file to write (JSON).", Required = true };
        var command = new Command("export", "Write the registry (or one patient) as a FHIR R4 collection bundle with mCODE profiles.")
        {
            db, patient, output,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(parse.GetValue(db)!);
            var records = store.LoadPatients();
            if (parse.GetValue(patient) is { } id)
            {
                records = [.. records.Where(r => r.Id == id)];
                if (records.Count == 0)
                {
                    throw new DataInputException($"--patient: '{id}' is not in {store.Description}");
                }
            }
            var bundle = FhirExporter.Export(records);
            try
            {
                File.WriteAllText(path, FhirJson.Serialize(bundle));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataInputException($"{path}: cannot be written: {e.Message}");
            }
            context.Output.WriteLine($"{path}: {records.Count} patient{(records.Count == 1 ? "" : "s")}, {bundle.Entry.Count} resources from {store.Description} (FHIR R4 collection bundle, mCODE profiles)");
            return SarcApp.Success;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var db = RegistryOptions.Db();
        var update = new Option<bool>("--update") { Description = "Allow patients already in the registry; each change is audited." };
        var reason = new Option<string>("--reason") { Description = "Why the data is imported; kept in every audit record of this import." };
        var asOf = RegistryOptions.AsOf("Today's date for the check that no date lies in the future (YYYY-MM-DD; default: today).");
        var json = CommonOptions.Json();
        var file = new Argument<string>("BUNDLE") { Description = "A FHIR R4 bundle (JSON) as sarc fhir export writes it." };
        var command = new Command("import", "Import a FHIR R4 bundle as sarc fhir export writes it: every resource valid FHIR R4 and every patient valid, or nothing changes.")
        {
            db, update, reason, asOf, json, file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var database = parse.GetValue(db)!;
            var audit = AuditContext.ForCurrentUser(ImportCommand.Reason(parse.GetValue(reason)));
            var today = RegistryOptions.AsOfValue(parse, asOf) ?? DateOnly.FromDateTime(audit.Clock.GetLocalNow().DateTime);
            MappedImportResult result;
            using (var terminal = TerminalProgress.Start(context, parse.GetValue(json)))
            {
                terminal?.Stage("sarc fhir import: loading the FHIR R4 specification…");
                var validation = new FhirValidation();
                result = FhirImporter.ImportFile(() => RegistryStore.Open(database), path, validation, parse.GetValue(update), audit, today,
                    terminal?.For<ImportProgress>(Describe));
            }
            if (!result.Succeeded)
            {
                context.Error.WriteLine($"sarc fhir import: {path}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")}, nothing imported");
                foreach (var problem in result.Problems)
                {
                    context.Error.WriteLine(problem.Kind == ImportErrorKind.AlreadyInRegistry ? $"{problem} (use --update to change it)" : problem.ToString());
                }
                return SarcApp.UserError;
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Output, w =>
                {
                    w.WriteString("file", path);
                    w.WriteString("database", ImportCommand.Describe(database));
                    w.WriteNumber("inserted", result.Inserted);
                    w.WriteNumber("updated", result.Updated);
                    w.WriteNumber("unchanged", result.Unchanged);
                });
            }
            else
            {
                context.Output.WriteLine($"{path}: {result.Records} patients; {result.Inserted} new, {result.Updated} updated, {result.Unchanged} unchanged in {ImportCommand.Describe(database)}");
            }
            return SarcApp.Success;
        });
        return command;
    }

    private static string Describe(ImportProgress progress) => progress.Stage switch
    {
        "validating" => $"sarc fhir import: validating resource {progress.Done:N0} of {progress.Total:N0} against FHIR R4…",
        "checking" => "sarc fhir import: checking every patient…",
        _ => $"sarc fhir import: writing {progress.Done:N0} of {progress.Total:N0} patients ({100L * progress.Done / Math.Max(1, progress.Total)} %)",
    };
}
