using System.Text.Json;
using System.Text.Json.Serialization;
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

    private sealed record Row(
        string Term, double HarrellC, double Q1, int NRisk, double Sha256,
        [property: JsonPropertyName("observed_expected_ratio")] double ObservedExpected,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RobustSe,
        string? Note);

    [Fact]
    public void WriteRecord_WritesTheBytesOfTheSamePropertiesWrittenOneByOne()
    {
        // A report's row may move from writer calls to a record only if its output stays byte for byte the same.
        var rows = new[] { new Row("âge ≥ 60", 0.1 + 0.2, 1e-300, 7, double.NaN, double.PositiveInfinity, 2.5, null), new Row("b", -0.0, 12, 0, 1, 2, null, "x") };
        var serialized = SarcJson.Object(w => w.WriteRecord("rows", rows));
        var manual = SarcJson.Object(w =>
        {
            w.WriteStartArray("rows");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("term", r.Term);
                Number(w, "harrell_c", r.HarrellC);
                Number(w, "q1", r.Q1);
                w.WriteNumber("n_risk", r.NRisk);
                Number(w, "sha256", r.Sha256);
                Number(w, "observed_expected_ratio", r.ObservedExpected);
                if (r.RobustSe is { } robust)
                {
                    Number(w, "robust_se", robust);
                }
                w.WriteString("note", r.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
        Assert.Equal(manual, serialized);
        Assert.Contains("\"harrell_c\": 0.30000000000000004", serialized, StringComparison.Ordinal);
        Assert.Contains("\"sha256\": null", serialized, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_ReadsNullAsNaN()
    {
        var row = JsonSerializer.Deserialize<Row>("""{"term":"a","harrell_c":null,"q1":1.5,"n_risk":3,"sha256":2,"observed_expected_ratio":null,"robust_se":null,"note":null}""", SarcJson.Records)!;
        Assert.True(double.IsNaN(row.HarrellC));
        Assert.True(double.IsNaN(row.ObservedExpected));
        Assert.Equal(1.5, row.Q1);
        Assert.Null(row.RobustSe);
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
