using Sarc.Interop;
using Sarc.Interop.Fhir;
using Sarc.Registry;

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
        var patient = new Option<string>("--patient") { Description = "Only this patient (its id)." };
        var output = CommonOptions.Out("The bundle file to write (JSON).");
        return CliCommand.OnRegistry("export", "Write the registry (or one patient) as a FHIR R4 collection bundle with mCODE profiles.", [patient, output], (parse, db) =>
        {
            var path = parse.GetValue(output)!;
            using var store = RegistryStore.OpenExisting(db);
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
            OutputFile.Write(path, () => File.WriteAllText(path, FhirJson.Serialize(bundle)));
            context.Output.WriteLine($"{path}: {records.Count} patient{(records.Count == 1 ? "" : "s")}, {bundle.Entry.Count} resources from {store.Description} (FHIR R4 collection bundle, mCODE profiles)");
            return SarcApp.Success;
        });
    }

    private static Command Import(CliContext context)
    {
        var common = new ImportOptions();
        var file = new Argument<string>("BUNDLE") { Description = "A FHIR R4 bundle (JSON) as sarc fhir export writes it." };
        return CliCommand.Create("import", "Import a FHIR R4 bundle as sarc fhir export writes it: every resource valid FHIR R4 and every patient valid, or nothing changes.", [file, .. common.All], parse => common.Run(context, parse, "fhir import", parse.GetValue(file)!, "patients", run =>
        {
            run.Terminal?.Stage("sarc fhir import: loading the FHIR R4 specification…");
            return FhirImporter.ImportFile(run.OpenStore, parse.GetValue(file)!, new FhirValidation(), run.Update, run.Audit, run.Today, run.Progress);
        }));
    }
}
