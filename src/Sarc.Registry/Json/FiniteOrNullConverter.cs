using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sarc.Registry.Json;

/// <summary>
/// A <see cref="double"/> in <see cref="SarcJson.Records"/>: written in the shortest round-trip form as
/// <see cref="Utf8JsonWriter.WriteNumberValue(double)"/> does, and as null when NaN or infinite (R's NA, a median not
/// reached), since JSON has no such numbers; read back from null as NaN.
/// </summary>
internal sealed class FiniteOrNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
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
}
