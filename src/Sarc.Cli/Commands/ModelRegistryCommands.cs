using System.Text.Json;
using Sarc.Data.Tables;
using Sarc.Registry.Models;
using Sarc.Studies.Running;

namespace Sarc.Cli.Commands;

/// <summary>
/// The models kept in the registry for the patient records (<see cref="Sarc.Registry.Models.ModelStore"/>):
/// <c>sarc model register</c>, <c>list</c> and <c>unregister</c>, audited.
/// </summary>
internal static class ModelRegistryCommands
{
    /// <summary>
    /// <c>sarc model register --db D MODEL.yaml [--name N] [--center C]</c>: stores a model in the registry for the patient
    /// records of one center or all (<see cref="ModelStore"/>), audited, after checking that the registry has every column
    /// it reads, with its validation on those patients (<see cref="ModelRegistration"/>).
    /// </summary>
    public static Command Register(CliContext context)
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
                    WriteRegistration(w, stored, model);
                    ModelValidationSummary.WriteJson(w, "validation", validation);
                },
                output => WriteText(output, stored, model, validation));
        });
    }

    /// <summary>What was registered and, when it was validated, the validation's figures per time, then its calibration slope.</summary>
    private static void WriteText(TextWriter output, StoredModel stored, PredictionModel model, ModelValidationSummary validation)
    {
        output.WriteLine($"Registered '{stored.Name}' (id {stored.Id.ToString(CultureInfo.InvariantCulture)}) for {ModelStore.Scope(stored.Center)}: {Describe(model)}");
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

    /// <summary><c>sarc model list --db D [--center C]</c>: the models registered in the registry, with their validation.</summary>
    public static Command List(CliContext context)
    {
        var center = RegistryOptions.Center("Only the models the patients of this center get (its own and those for every center).");
        var json = CommonOptions.Json();
        return CliCommand.OnRegistry("list", "List the models registered in the registry: name, center, kind, times, validation, when and by whom.", [center, json], (parse, db) =>
        {
            var store = ModelStore.Open(db);
            var scope = CommonOptions.OneLine(parse.GetValue(center));
            var models = scope is null ? store.List() : store.ForCenter(scope);
            return CommandOutput.Print(context, "model list", parse.GetValue(json), [],
                w =>
                {
                    w.WriteStartArray("models");
                    foreach (var stored in models)
                    {
                        w.WriteStartObject();
                        WriteRegistration(w, stored, TryRead(stored));
                        ModelValidationSummary.WriteJson(w, "validation", Validation(stored));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                },
                output => WriteTable(output, models, scope));
        });
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<StoredModel> models, string? scope)
    {
        var table = new TextTable("id", "name", "center", "model", "C (first time)", "validated on", "registered (UTC)", "by");
        foreach (var stored in models)
        {
            var model = TryRead(stored);
            var validation = Validation(stored);
            var c = validation is { Error: null, AtTimes.Count: > 0 } v
                ? ReportText.Fixed(double.IsNaN(v.AtTimes[0].HarrellC) ? v.AtTimes[0].Auc : v.AtTimes[0].HarrellC, 3) + (double.IsNaN(v.AtTimes[0].HarrellC) ? " (AUC)" : "")
                : "";
            table.AddRow(stored.Id.ToString(CultureInfo.InvariantCulture), stored.Name, stored.Center ?? "(all)", model is null ? "(unreadable)" : Describe(model), c,
                validation is null ? "" : validation.Error is null ? $"{validation.Count} patients" : "not validated",
                stored.RegisteredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), stored.RegisteredBy);
        }
        table.Write(output);
        output.WriteLine($"{models.Count} registered model{(models.Count == 1 ? "" : "s")}{(scope is null ? "" : $" for the patients of center {scope}")}");
    }

    /// <summary>"Cox model of Surv(...) ~ ... at 60, 120" (the times in the data's unit, months in Sarc).</summary>
    internal static string Describe(PredictionModel model) =>
        $"{(model.Kind == ModelKind.Cox ? "Cox" : $"Fine-Gray (cause {model.Cause})")} model of {model.Formula} at {string.Join(", ", model.Times.Select(ModelCommand.Format))}";

    /// <summary>The registration's properties: id, name, center, sha256, registered, registered_by, and the model's kind, formula, times and source.</summary>
    internal static void WriteRegistration(Utf8JsonWriter w, StoredModel stored, PredictionModel? model)
    {
        w.WriteNumber("id", stored.Id);
        w.WriteString("name", stored.Name);
        w.WriteString("center", stored.Center);
        w.WriteString("sha256", stored.Sha256);
        w.WriteString("registered", stored.RegisteredAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("registered_by", stored.RegisteredBy);
        if (model is null)
        {
            w.WriteNull("kind");
            return;
        }
        w.WriteString("kind", model.Kind == ModelKind.Cox ? "cox" : "finegray");
        w.WriteString("formula", model.Formula);
        w.WriteString("source", model.Source);
        w.WriteNumbersOrNull("times", model.Times);
    }

    private static PredictionModel? TryRead(StoredModel stored)
    {
        try
        {
            return ModelFile.Parse(stored.Model, stored.Name);
        }
        catch (DataInputException)
        {
            return null;
        }
    }

    private static ModelValidationSummary? Validation(StoredModel stored)
    {
        try
        {
            return stored.Validation is null ? null : ModelValidationSummary.Parse(stored.Validation);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>sarc model unregister --db D --name N [--center C]</c>: removes a registered model, audited; patient records no longer show it.</summary>
    public static Command Unregister(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The name the model is registered under.", Required = true };
        var center = RegistryOptions.Center("The center it is registered for (default: the one registered for every center).");
        var reason = RegistryOptions.Reason("Why the model is removed; kept in the audit record.");
        return CliCommand.OnRegistry("unregister", "Remove a registered model from the registry (audited); patient records no longer show it.", [name, center, reason], (parse, db) =>
        {
            var store = ModelStore.Open(db);
            var scope = CommonOptions.OneLine(parse.GetValue(center));
            var removed = store.Unregister(parse.GetValue(name)!, scope, RegistryOptions.Audit(parse, reason))
                ?? throw new DataInputException($"no model named '{parse.GetValue(name)!.Trim()}' is registered for {ModelStore.Scope(scope)} (see sarc model list)");
            context.Output.WriteLine($"Unregistered '{removed.Name}' (id {removed.Id}) for {ModelStore.Scope(removed.Center)}");
            return SarcApp.Success;
        });
    }
}
