using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

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
