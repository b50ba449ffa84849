using System.Text;

namespace Sarc.Studies.Prediction;

/// <summary>
/// What a registered model's validation on the registry found when it was registered (<see cref="ModelRegistration"/>):
/// on which data and patients, and at each model time its discrimination, accuracy and calibration — the figures a
/// patient record shows beside the model's predictions. Kept in the registry as JSON (<see cref="ToJson"/>,
/// <see cref="Parse"/>); <see cref="Error"/> says why there are no figures.
/// </summary>
/// <param name="Data">The registry it was validated on (file name, or "PostgreSQL registry").</param>
/// <param name="Sha256">The SHA-256 of the registry's canonical export then (the data snapshot).</param>
/// <param name="Validated">When (UTC).</param>
/// <param name="Center">The center whose patients it was validated on; null for all.</param>
/// <param name="Apparent">Whether the model was fitted on these same data (its fit's snapshot hash is this one): apparent, optimistic performance.</param>
/// <param name="Count">Patients used.</param>
/// <param name="Events">Events of the outcome predicted among them.</param>
/// <param name="Excluded">Patients left out (a missing predictor or outcome, an unknown level).</param>
/// <param name="Slope">The calibration slope and its 95 % limits.</param>
/// <param name="AtTimes">The figures at each model time.</param>
/// <param name="Error">Why the model could not be validated (no patients, no events, columns the registry lacks), or null.</param>
public sealed record ModelValidationSummary(
    string Data, string? Sha256, DateTimeOffset Validated, string? Center, bool Apparent, int Count, int Events, int Excluded,
    (double Estimate, double Lower, double Upper) Slope, IReadOnlyList<ValidationFigures> AtTimes, string? Error = null)
{
    /// <summary>A validation that could not be made, and why.</summary>
    public static ModelValidationSummary Failed(string data, string? sha256, DateTimeOffset validated, string? center, string error) =>
        new(data, sha256, validated, center, false, 0, 0, 0, (double.NaN, double.NaN, double.NaN), [], error);

    /// <summary>The summary of <paramref name="result"/>.</summary>
    public static ModelValidationSummary Of(ModelValidationResult result, string data, string? sha256, DateTimeOffset validated, string? center) =>
        new(data, sha256, validated, center, sha256 is not null && result.Model.FittedOn?.Sha256 == sha256, result.Count, result.Events, result.Excluded,
            (result.Slope.Estimate, result.Slope.Lower, result.Slope.Upper),
            [.. result.AtTimes.Select(ValidationFigures.Of)]);

    /// <summary>The summary as one JSON object.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, SarcJson.Compact))
        {
            w.WriteStartObject();
            WriteProperties(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the summary's properties into an open JSON object (also the API's <c>validation</c>).</summary>
    public void WriteProperties(Utf8JsonWriter w)
    {
        w.WriteString("data", Data);
        w.WriteString("sha256", Sha256);
        w.WriteString("validated", Validated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("center", Center);
        if (Error is not null)
        {
            w.WriteString("error", Error);
            return;
        }
        w.WriteBoolean("apparent", Apparent);
        w.WriteCounts(Count, Events, Excluded);
        w.WriteRecord("calibration_slope", new StoredSlopeJson(Slope.Estimate, Slope.Lower, Slope.Upper), StudiesJson.Rows);
        w.WriteRecord("times", AtTimes, StudiesJson.Rows);
    }

    /// <summary>Writes <paramref name="summary"/> as the object <paramref name="name"/> of an open JSON object, or null.</summary>
    public static void WriteJson(Utf8JsonWriter w, string name, ModelValidationSummary? summary)
    {
        if (summary is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        summary.WriteProperties(w);
        w.WriteEndObject();
    }

    /// <summary>Reads a summary written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">Not such a summary.</exception>
    public static ModelValidationSummary Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var data = root.GetProperty("data").GetString() ?? "";
        var sha = root.GetProperty("sha256").GetString();
        var validated = DateTimeOffset.Parse(root.GetProperty("validated").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var center = root.GetProperty("center").GetString();
        if (root.TryGetProperty("error", out var error))
        {
            return Failed(data, sha, validated, center, error.GetString() ?? "");
        }
        var slope = root.GetProperty("calibration_slope").Deserialize<StoredSlopeJson>(StudiesJson.Rows)!;
        return new ModelValidationSummary(data, sha, validated, center, root.GetProperty("apparent").GetBoolean(),
            root.GetProperty("n").GetInt32(), root.GetProperty("events").GetInt32(), root.GetProperty("n_excluded").GetInt32(),
            (slope.Estimate, slope.Lower, slope.Upper), root.GetProperty("times").Deserialize<ValidationFigures[]>(StudiesJson.Rows)!);
    }

    /// <summary>The calibration slope as stored (null for NaN).</summary>
    internal sealed record StoredSlopeJson(double Estimate, double Lower, double Upper);
}
