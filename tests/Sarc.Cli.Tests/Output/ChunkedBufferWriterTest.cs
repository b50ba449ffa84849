using System.Text;
using System.Text.Json;
using Sarc.Cli.Output;

namespace Sarc.Cli.Tests.Output;

public class ChunkedBufferWriterTest
{
    // As the CLI writes JSON: non-ASCII text stays as UTF-8 instead of \u escapes.
    private static readonly System.Text.Encodings.Web.JavaScriptEncoder Relaxed = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    [Fact]
    public void Write_DocumentOfSeveralChunks_GivesTheSameBytesAndText()
    {
        // Over 3 MB with two-byte characters, so that chunks end inside a character.
        var buffer = new ChunkedBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Relaxed }))
        {
            writer.WriteStartArray();
            for (var i = 0; i < 200_000; i++)
            {
                writer.WriteStringValue($"dédifférencié {i}");
            }
            writer.WriteEndArray();
        }
        var expected = JsonSerializer.Serialize(Enumerable.Range(0, 200_000).Select(i => $"dédifférencié {i}"),
            new JsonSerializerOptions { Encoder = Relaxed });
        using var stream = new MemoryStream();
        buffer.CopyTo(stream);
        Assert.True(stream.Length > 3 << 20);
        Assert.Contains("é", expected, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), stream.ToArray());
        Assert.Equal(expected, buffer.ToString());
    }
}
