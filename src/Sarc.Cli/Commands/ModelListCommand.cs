using System.Text.Json;
using Sarc.Registry.Models;

namespace Sarc.Cli.Commands;

/// <summary><c>sarc model list --db D [--center C]</c>: the models registered in the registry, with their validation.</summary>
internal static class ModelListCommand
{
    public static Command Create(CliContext context)
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
}
