using System.Text.Json;
using System.Text.RegularExpressions;
using Sarc.Studies.Definitions;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;
using Sarc.Studies.Tests.Running;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Reports;

public sealed partial class HtmlReportTest(DemoRegistry registry) : IClassFixture<DemoRegistry>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sarc-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string WriteSeedReport()
    {
        var studies = new[] { "necrosis-outcomes", "rps-post-relapse", "lr-dm-multistate" }
            .Select(id => StudyParser.ParseFile(Fixture.PathOf("studies", id + ".yaml")).Study!)
            .Select(s => StudyRunner.Run(s, registry.Dataset)).ToArray();
        return HtmlReport.Write(folder, studies, "test");
    }

    [Fact]
    public void Write_EveryReferencedFigureAndTable_ExistsNextToTheIndex()
    {
        var html = File.ReadAllText(WriteSeedReport());

        var references = Reference().Matches(html).Select(m => m.Groups[1].Value).Where(r => !r.StartsWith('#')).Distinct().ToArray();
        Assert.Contains(references, r => r.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Contains(references, r => r.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains(references, r => r.EndsWith(".csv", StringComparison.Ordinal));
        foreach (var reference in references)
        {
            Assert.True(File.Exists(Path.Combine(folder, reference)), $"index.html references missing file {reference}");
        }
    }

    [Fact]
    public void Write_KaplanMeierFigure_IsARealSvgAndPngWithTheRiskTable()
    {
        WriteSeedReport();

        var svg = File.ReadAllText(Path.Combine(folder, "rps-post-relapse-os-by-relapse-type.svg"));
        Assert.Contains("<svg", svg);
        Assert.Contains("Number at risk", svg);
        Assert.Contains("Log-rank p", svg);
        var png = File.ReadAllBytes(Path.Combine(folder, "rps-post-relapse-os-by-relapse-type.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 10_000, "the PNG is too small to hold the drawn figure");
    }

    [Fact]
    public void Write_ResultsJson_ConformsToTheCommittedSchema()
    {
        WriteSeedReport();

        using var schema = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("docs", "results.schema.json")));
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));

        Assert.Empty(SchemaChecker.Check(schema.RootElement, results.RootElement));
        Assert.Equal(3, results.RootElement.GetProperty("studies").GetArrayLength());
    }

    [Fact]
    public void SchemaChecker_ResultsWithoutStudyTitle_IsRejected()
    {
        // The checker must be able to fail, or the conformance test above proves nothing.
        using var schema = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("docs", "results.schema.json")));
        using var bad = JsonDocument.Parse("""{"studies": [{"id": "x", "n": 1.5, "analyses": [{"id": "a", "kind": "plot", "warnings": []}]}]}""");

        var errors = SchemaChecker.Check(schema.RootElement, bad.RootElement);

        Assert.Contains(errors, e => e.Contains("missing required 'title'"));
        Assert.Contains(errors, e => e.Contains("$.studies[0].n: expected integer"));
        Assert.Contains(errors, e => e.Contains("kind: \"plot\" is not one of"));
    }

    [Fact]
    public void Write_AnalysisThatCouldNotRun_ShowsItsReasonInThePage()
    {
        var html = File.ReadAllText(WriteSeedReport());

        // The multistate engine is not in this build: the page says so instead of leaving a gap.
        Assert.Contains("Not run: the multistate engine is not part of this build yet", html);
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Reference();
}
