using Sarc.Data.Tables;
using Sarc.Registry.Models;
using Sarc.Studies.Running;

namespace Sarc.Cli.Commands;

/// <summary>
/// <c>sarc model register --db D MODEL.yaml [--name N] [--center C]</c>: stores a model in the registry for the patient
/// records of one center or all (<see cref="ModelStore"/>), audited, after checking that the registry has every column
/// it reads, with its validation on those patients (<see cref="ModelRegistration"/>).
/// </summary>
internal static class ModelRegisterCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("MODEL") { Description = "The model file (YAML, docs/models.md), as sarc model fit, recalibrate or a study report writes it." };
        var name = new Option<string?>("--name") { Description = "The name the patient record shows (default: the model's name, else the file name); unique per center." };
        var center = RegistryOptions.Center("Only for the patients of this center (default: every center).");
        var reason = RegistryOptions.Reason("Why the model is registered; kept in the audit record.");
        var json = CommonOptions.Json();
        return CliCommand.OnRegistry("register", "Store a model in the registry for the patient records of a center (or all), validated on its patients and audited.", [file, name, center, reason, json], (parse, db) =>
        {
            var path = parse.GetValue(file)!;
            var model = ModelFile.Read(path);
            ModelRegistration.RequireRegistryColumns(model, path);
            var text = File.ReadAllText(path);
            var registeredName = CommonOptions.OneLine(parse.GetValue(name)) ?? CommonOptions.OneLine(model.Name) ?? Path.GetFileNameWithoutExtension(path);
            var scope = CommonOptions.OneLine(parse.GetValue(center));
            var database = db;
            var isJson = parse.GetValue(json);
            var models = ModelStore.Open(database);
            ModelValidationSummary validation;
            using (var progress = TerminalProgress.Start(context, isJson))
            {
                progress?.Stage($"sarc model register: validating on the patients of {ModelStore.Scope(scope)}…");
                DataFrame dataset;
                DataSnapshot snapshot;
                using (var store = RegistryStore.OpenExisting(database))
                {
                    (dataset, snapshot) = StudyCommand.LoadRegistry(store, database);
                }
                validation = ModelRegistration.Validate(model, dataset, scope, snapshot.Source, snapshot.Sha256, TimeProvider.System.GetUtcNow());
            }
            var stored = models.Register(registeredName, scope, text, validation.ToJson(), RegistryOptions.Audit(parse, reason));
            return CommandOutput.Print(context, "model register", isJson, validation.Error is { } error ? [$"not validated on the registry: {error}"] : [],
                w =>
                {
                    ModelListCommand.WriteRegistration(w, stored, model);
                    ModelValidationSummary.WriteJson(w, "validation", validation);
                },
                output => WriteText(output, stored, model, validation));
        });
    }

    /// <summary>What was registered and, when it was validated, the validation's figures per time, then its calibration slope.</summary>
    private static void WriteText(TextWriter output, StoredModel stored, PredictionModel model, ModelValidationSummary validation)
    {
        output.WriteLine($"Registered '{stored.Name}' (id {stored.Id.ToString(CultureInfo.InvariantCulture)}) for {ModelStore.Scope(stored.Center)}: {ModelListCommand.Describe(model)}");
        if (validation.Error is not null)
        {
            return;
        }
        output.WriteLine($"Validated on {validation.Count} patients ({validation.Events} events{(validation.Excluded > 0 ? $", {validation.Excluded} left out" : "")}) of {validation.Data}{(validation.Apparent ? ", the registry snapshot it was fitted on (not an external validation)" : "")}:");
        output.WriteLine();
        ModelCommand.WriteFigures(output, validation.AtTimes, model.PredictsSurvival);
        output.WriteLine();
        output.WriteLine($"Calibration slope = {ReportText.Fixed(validation.Slope.Estimate, 3)} (95% CI {ReportText.Fixed(validation.Slope.Lower, 3)} to {ReportText.Fixed(validation.Slope.Upper, 3)})");
    }
}
