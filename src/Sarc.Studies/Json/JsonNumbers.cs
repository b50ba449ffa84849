using System.Text.Json;

namespace Sarc.Studies.Json;

/// <summary>
/// Number writing shared by the CLI's <c>--json</c> output and <c>results.json</c>: shortest round-trip form, and
/// null for NaN and infinities (R's NA, a median not reached), since JSON has no such numbers.
/// </summary>
public static class JsonNumbers
{
    /// <summary>Writes a number property, or null when it is NaN or infinite.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
