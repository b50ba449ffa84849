using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Sarc.Data;

namespace Sarc.Interop.Fhir;

/// <summary>FHIR R4 JSON through Firely's System.Text.Json converters: a bundle written indented, and read back strictly.</summary>
public static class FhirJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true }.ForFhir();

    /// <summary>The JSON text of <paramref name="bundle"/>.</summary>
    public static string Serialize(Bundle bundle) => JsonSerializer.Serialize(bundle, Options);

    /// <summary>Reads a bundle from JSON text; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="DataInputException">Not JSON, or not a FHIR R4 Bundle (one line: the first problem).</exception>
    public static Bundle Parse(string text, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<Bundle>(text, Options) ?? throw new DataInputException($"{source}: not a FHIR R4 Bundle (the JSON is null)");
        }
        catch (DeserializationFailedException e)
        {
            var first = e.Exceptions.FirstOrDefault()?.Message ?? e.Message;
            throw new DataInputException($"{source}: not a valid FHIR R4 Bundle: {first}");
        }
        catch (JsonException e)
        {
            throw new DataInputException($"{source}: not a FHIR R4 Bundle: {e.Message}");
        }
    }
}
