using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sarc.Registry.Json;

/// <summary>
/// How Sarc writes JSON, in one place for every writer: the audit trail in storage, <c>--json</c> output, results.json,
/// the web API. UTF-8 with text as written (é, µ, ≥ are not escaped to <c>\uXXXX</c>), so files and terminals show
/// names as the user typed them. The relaxed encoder does not escape HTML-sensitive characters, so this JSON is never
/// embedded in an HTML page; it is served as <c>application/json</c> or written to files.
/// </summary>
public static class SarcJson
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Indented output, for documents people read (command output, results.json, API responses).</summary>
    public static JsonWriterOptions Indented { get; } = new() { Indented = true, Encoder = Encoder };

    /// <summary>One-line output, for values stored in a database column.</summary>
    public static JsonWriterOptions Compact { get; } = new() { Encoder = Encoder };

    /// <summary>Serializer options with the same encoding, for the few values serialized whole (one line).</summary>
    public static JsonSerializerOptions Serializer { get; } = new() { Encoder = Encoder };

    /// <summary>
    /// Serializer options for a record that is only ever written as a JSON object (a row of a report, a stored summary):
    /// the record declares the shape once, property names in snake_case (<c>HarrellC</c> → <c>harrell_c</c>, or as its
    /// <c>[JsonPropertyName]</c> says), in declaration order; NaN and infinities as null and null read back as NaN
    /// (<see cref="FiniteOrNullConverter"/>); a null property written as null unless it is marked
    /// <c>[JsonIgnore(Condition = WhenWritingNull)]</c>; text unescaped as the writers write it. Serialized onto an open
    /// writer (<see cref="WriteRecord{T}(Utf8JsonWriter, string, T)"/>) the indentation is the writer's, so a record's
    /// bytes are those of the same properties written one by one.
    /// </summary>
    public static JsonSerializerOptions Records { get; } = new()
    {
        Encoder = Encoder,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new FiniteOrNullConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Writes <paramref name="value"/> (a record, or a list of them) as the property <paramref name="name"/> of the open object, through <see cref="Records"/>.</summary>
    public static void WriteRecord<T>(this Utf8JsonWriter writer, string name, T value)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, Records);
    }

    /// <summary>Writes <paramref name="value"/> (a record, or a list of them) as the next value of the open array, through <see cref="Records"/>.</summary>
    public static void WriteRecordValue<T>(this Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, Records);

    /// <summary>One JSON object as text: <paramref name="writeProperties"/> writes its properties (indented).</summary>
    public static string Object(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
