using System.Buffers;
using System.Text;
using System.Text.Json;
using Sarc.Data.Tables;
using Sarc.Registry.Json;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;

namespace Sarc.Studies.Tests.Analyses;

public class KmReportTest
{
    [Theory]
    // Small (formatted on the calling thread) and large (more than 8192 steps: the curves formatted in parallel),
    // indented as the CLI and results.json write, and compact.
    [InlineData(60, true)]
    [InlineData(30_000, true)]
    [InlineData(60, false)]
    [InlineData(30_000, false)]
    public void WriteJson_Steps_SameBytesAsWrittenOneByOne(int rows, bool indented)
    {
        var analysis = KmReport.Analyse(Table(rows), "time", "event", "group", KaplanMeierOptions.Default, [1, 5, 1e9]);
        // S reaches 0 in group "a", so its last limits are NaN (written as null).
        Assert.Contains(analysis.Curves[0].Lower, double.IsNaN);
        var options = indented ? SarcJson.Indented : new JsonWriterOptions { Encoder = SarcJson.Indented.Encoder };

        // Nested one level deeper than the CLI's object, as results.json nests it: the indentation follows the writer.
        var fast = Write(options, writer => KmReport.WriteJson(writer, analysis));
        var plain = Write(options, writer => KmReport.WriteJson(writer, analysis, bulkSteps: false));

        Assert.Equal(plain, fast);
    }

    [Fact]
    public void WriteJson_EmptyCurve_WritesAnEmptyStepsArray()
    {
        // A level with no rows left after the complete cases has no steps; the others still do.
        var frame = new DataFrame("t.csv",
        [
            new DataColumn("time", ColumnKind.Numeric, [1, 2, 3, 4], null),
            new DataColumn("event", ColumnKind.Numeric, [1, 0, 1, 1], null),
            new DataColumn("group", ColumnKind.Text, null, ["a", "a", "b", "b"]),
        ], [2, 3, 4, 5]);
        var analysis = KmReport.Analyse(frame, "time", "event", "group", KaplanMeierOptions.Default, []);
        var empty = analysis with { Curves = [analysis.Curves[0], Empty(analysis.Curves[1])] };

        Assert.Equal(Write(SarcJson.Indented, writer => KmReport.WriteJson(writer, empty, bulkSteps: false)), Write(SarcJson.Indented, writer => KmReport.WriteJson(writer, empty)));
    }

    private static KaplanMeierCurve Empty(KaplanMeierCurve curve) =>
        new KaplanMeier(curve.Options).Fit(new SurvivalData([], [])).Curves[0];

    private static DataFrame Table(int rows)
    {
        var random = new Random(20);
        var time = new double[rows];
        var status = new double[rows];
        var group = new string?[rows];
        string[] levels = ["a", "b", "c"];
        for (var i = 0; i < rows; i++)
        {
            time[i] = Math.Round(random.NextDouble() * 100, 3);
            status[i] = random.Next(3) == 0 ? 0 : 1;
            group[i] = levels[random.Next(3)];
        }
        // The longest time is an event in group a: its curve ends at 0.
        time[0] = 1000;
        status[0] = 1;
        group[0] = "a";
        return new DataFrame("t.csv",
        [
            new DataColumn("time", ColumnKind.Numeric, time, null),
            new DataColumn("event", ColumnKind.Numeric, status, null),
            new DataColumn("group", ColumnKind.Text, null, group),
        ], [.. Enumerable.Range(2, rows)]);
    }

    private static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("analysis");
            body(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
