using System.Text;
using System.Text.Encodings.Web;

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
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        using (var w = new Utf8JsonWriter(buffer, Options))
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
        w.WriteStartObject("calibration_slope");
        w.WriteNumberOrNull("estimate", Slope.Estimate);
        w.WriteNumberOrNull("lower", Slope.Lower);
        w.WriteNumberOrNull("upper", Slope.Upper);
        w.WriteEndObject();
        w.WriteStartArray("times");
        foreach (var at in AtTimes)
        {
            w.WriteStartObject();
            w.WriteNumber("time", at.Time);
            w.WriteNumberOrNull("harrell_c", at.HarrellC);
            w.WriteNumberOrNull("uno_c", at.UnoC);
            w.WriteNumberOrNull("auc", at.Auc);
            w.WriteNumberOrNull("brier", at.Brier);
            w.WriteNumberOrNull("ipa", at.Ipa);
            w.WriteNumberOrNull("observed", at.Observed);
            w.WriteNumberOrNull("expected", at.Expected);
            w.WriteNumberOrNull("observed_expected_ratio", at.ObservedExpected);
            w.WriteEndObject();
        }
        w.WriteEndArray();
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
        var slope = root.GetProperty("calibration_slope");
        return new ModelValidationSummary(data, sha, validated, center, root.GetProperty("apparent").GetBoolean(),
            root.GetProperty("n").GetInt32(), root.GetProperty("events").GetInt32(), root.GetProperty("n_excluded").GetInt32(),
            (Number(slope, "estimate"), Number(slope, "lower"), Number(slope, "upper")),
            [.. root.GetProperty("times").EnumerateArray().Select(t => new ValidationFigures(
                Number(t, "time"), Number(t, "harrell_c"), Number(t, "uno_c"), Number(t, "auc"), Number(t, "brier"), Number(t, "ipa"),
                Number(t, "observed"), Number(t, "expected"), Number(t, "observed_expected_ratio")))]);
    }

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
}
