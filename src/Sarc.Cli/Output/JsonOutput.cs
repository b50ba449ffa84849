using System.Text.Json;
using Sarc.Registry.Json;

namespace Sarc.Cli.Output;

/// <summary>
/// Writes the one JSON object a <c>--json</c> command prints. Numbers are written in their shortest round-trip form;
/// NaN and infinities (R's NA, a median not reached) become null through Sarc.Studies.Json.JsonNumbers, shared with results.json.
/// </summary>
internal static class JsonOutput
{
    /// <summary>Writes the object whose properties <paramref name="writeObject"/> writes, then a line end (as <see cref="SarcJson"/> writes all JSON).</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> writeObject)
    {
        output.Write(SarcJson.Object(writeObject));
        output.WriteLine();
    }
}
