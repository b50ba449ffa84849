using System.Text.Json;
using Sarc.Registry.Json;

namespace Sarc.Registry.Tests.Json;

public class SarcJsonTest
{
    [Fact]
    public void Object_NonAsciiText_IsWrittenAsIs()
    {
        // The default encoder would write "myxo\u00EFde"; names must read as typed in files, terminals and the audit.
        var text = SarcJson.Object(w => w.WriteString("histology", "myxoïde, ≥ 5 µm"));
        Assert.Contains("\"myxoïde, ≥ 5 µm\"", text, StringComparison.Ordinal);
        Assert.Equal("myxoïde, ≥ 5 µm", JsonDocument.Parse(text).RootElement.GetProperty("histology").GetString());
    }

    [Fact]
    public void Compact_WritesOneLine()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, SarcJson.Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("a", "é");
            writer.WriteNumber("b", 1);
            writer.WriteEndObject();
        }
        Assert.Equal("{\"a\":\"é\",\"b\":1}", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
