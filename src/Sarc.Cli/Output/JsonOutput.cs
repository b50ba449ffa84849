using System.Text;
using System.Text.Json;
using Sarc.Registry.Json;

namespace Sarc.Cli.Output;

/// <summary>
/// Writes the one JSON object a <c>--json</c> command prints. Numbers are written in their shortest round-trip form;
/// NaN and infinities (R's NA, a median not reached) become null through Sarc.Studies.Json.JsonNumbers, shared with results.json.
/// </summary>
internal static class JsonOutput
{
    /// <summary>
    /// Builds the whole object in memory first (a failure leaves stdout empty), then writes it: to the real console
    /// as the UTF-8 bytes it already is, to any other writer (tests) as text.
    /// </summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> writeObject)
    {
        var buffer = new ChunkedBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, SarcJson.Indented))
        {
            writer.WriteStartObject();
            writeObject(writer);
            writer.WriteEndObject();
        }
        if (ReferenceEquals(output, Console.Out))
        {
            output.Flush();
            var stdout = Console.OpenStandardOutput();
            buffer.CopyTo(stdout);
            stdout.Write(Encoding.UTF8.GetBytes(output.NewLine));
            stdout.Flush();
            return;
        }
        output.Write(buffer.ToString());
        output.WriteLine();
    }
}
