namespace Sarc.Studies.Json;

/// <summary>
/// Arrays of plain values in the CLI's <c>--json</c> output and <c>results.json</c>: warnings, state names, exams,
/// times and curves, written in the order given (an empty sequence is an empty array, never a missing property).
/// </summary>
public static class JsonArrays
{
    /// <summary>Writes the property <paramref name="name"/> as an array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes the property <paramref name="name"/> as an array of numbers, null for NaN and infinities (R's NA).</summary>
    public static void WriteNumbersOrNull(this Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                writer.WriteNumberValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
        writer.WriteEndArray();
    }
}
