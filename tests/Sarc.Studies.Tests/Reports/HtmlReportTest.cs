using System.Text.Json;
using System.Text.RegularExpressions;
using Sarc.Studies.Definitions;
using Sarc.Studies.Figures;
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
    public void SchemaChecker_MultistateAndFineGrayWithoutTheirFields_AreRejectedUnlessTheyCarryAnError()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("docs", "results.schema.json")));
        using var bad = JsonDocument.Parse("""
            {"studies": [{"id": "x", "title": "X", "n": 1, "analyses": [
              {"id": "a", "kind": "multistate", "warnings": [], "n_subjects": 1, "n_rows": 1, "n_excluded": 0, "states": ["entry", "dm"], "at": [], "transitions": []},
              {"id": "b", "kind": "finegray", "warnings": [], "cause": 0},
              {"id": "c", "kind": "multistate", "warnings": [], "error": "no transitions"}]}]}
            """);

        var errors = SchemaChecker.Check(schema.RootElement, bad.RootElement);

        Assert.Contains(errors, e => e.StartsWith("$.studies[0].analyses[0]: missing required 'transition_models'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.studies[0].analyses[1]", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("$.studies[0].analyses[2]", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AnalysisThatCouldNotRun_ShowsItsReasonInThePage()
    {
        // Nobody in this cohort leaves the entry state: the page says so instead of leaving a gap.
        var study = StudyParser.Parse("id: q\ntitle: Q\ncohort:\n  lr: 0\n  dm: 0\n  death: 0\nanalyses:\n  - id: s\n    kind: multistate\n", "q.yaml").Study!;

        var html = File.ReadAllText(HtmlReport.Write(folder, [StudyRunner.Run(study, registry.Dataset)], "test"));

        Assert.Contains("Not run: no transitions among the", html);
    }

    [Fact]
    public void Write_MultistateAndFineGray_ShowTheirFiguresAndTables()
    {
        var html = File.ReadAllText(WriteSeedReport());

        // Stacked occupancy by grade, the forest of the transition models, and the Fine-Gray forest, as SVG and PNG.
        foreach (var name in new[] { "lr-dm-multistate-states", "lr-dm-multistate-states-transitions", "lr-dm-multistate-dm-finegray" })
        {
            Assert.Contains($"src=\"{name}.svg\"", html);
            Assert.Contains($"href=\"{name}.png\"", html);
            var svg = File.ReadAllText(Path.Combine(folder, name + ".svg"));
            Assert.Contains("<svg", svg);
        }
        var occupancy = File.ReadAllText(Path.Combine(folder, "lr-dm-multistate-states.svg"));
        Assert.Contains("Distant metastasis", occupancy);
        Assert.Contains("High grade (G2–3): yes", occupancy);
        Assert.Contains("Subdistribution hazard ratio (log scale)", File.ReadAllText(Path.Combine(folder, "lr-dm-multistate-dm-finegray.svg")));
        Assert.Contains("LR → DM: ", html);
        Assert.Contains("Fine-Gray proportional subdistribution hazards", html);
        Assert.DoesNotContain("Not run:", html);
    }

    [Fact]
    public void Write_MethodsParagraph_NamesEachMethodThatRanWithItsReference()
    {
        var html = File.ReadAllText(WriteSeedReport());

        var methods = html[html.IndexOf("<section class=\"methods\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("<section class=\"methods\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        foreach (var expected in new[] { "Kaplan EL, Meier P", "Mantel N. Evaluation of survival data", "Efron B.", "Fine JP, Gray RJ", "Aalen OO, Johansen S", "Gray RJ. A class of K-sample tests", "Simon R, Makuch RW", "validated against R 4.2.2 (survival 3.5.3, cmprsk 2.2.11)" })
        {
            Assert.Contains(expected, methods);
        }
        // necrosis-outcomes has a rates analysis, so Clopper-Pearson is cited too.
        Assert.Contains("Clopper CJ, Pearson ES", methods);
    }

    [Fact]
    public void Write_WithProvenance_StatesItInTheFooterAndResultsJson()
    {
        var study = StudyParser.ParseFile(Fixture.PathOf("studies", "metastatic-cmt.yaml")).Study!;
        var data = new DataSnapshot("registry.db", new string('a', 64), new Sarc.Registry.Audit.AuditHead(1234, new string('c', 64)), registry.Dataset.RowCount);
        var provenance = new Provenance("1.2.3", "0123abc", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "sarc study run x.yaml --db registry.db", data);

        var html = File.ReadAllText(HtmlReport.Write(folder, [StudyRunner.Run(study, registry.Dataset)], "test", new ReportOptions { Provenance = provenance }));

        Assert.Contains("1.2.3 (commit 0123abc)", html);
        Assert.Contains("audit position 1234", html);
        Assert.Contains(study.Sha256, html);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var p = results.RootElement.GetProperty("provenance");
        Assert.Equal("2026-01-02T03:04:05Z", p.GetProperty("generated").GetString());
        Assert.Equal(1234, p.GetProperty("data").GetProperty("audit_position").GetInt64());
        Assert.Equal("1234:" + new string('c', 64), p.GetProperty("data").GetProperty("audit_head").GetString());
        Assert.Equal(study.Text, p.GetProperty("studies")[0].GetProperty("definition").GetString());
        Assert.Equal("3.5.3", p.GetProperty("validated_against").GetProperty("survival").GetString());
    }

    [Fact]
    public void Write_AllFigureFormats_WritesVectorPdfAndTiffWithItsDpi()
    {
        var study = StudyParser.ParseFile(Fixture.PathOf("studies", "metastatic-cmt.yaml")).Study!;
        var options = new ReportOptions { Figures = new FigureOptions { Formats = [FigureFormat.Svg, FigureFormat.Png, FigureFormat.Pdf, FigureFormat.Tiff], Dpi = 600, Width = FigureWidth.Single } };

        HtmlReport.Write(folder, [StudyRunner.Run(study, registry.Dataset)], "test", options);

        var basePath = Path.Combine(folder, "metastatic-cmt-os");
        Assert.StartsWith("%PDF-", File.ReadAllText(basePath + ".pdf")[..8], StringComparison.Ordinal);
        Assert.Contains("width=\"85mm\"", File.ReadAllText(basePath + ".svg"));
        var png = File.ReadAllBytes(basePath + ".png");
        // 85 mm at 600 dpi = 2008 pixels wide (IHDR width at byte 16), and a pHYs chunk of 23622 px/m (600 dpi).
        Assert.Equal(2008, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        var phys = png.AsSpan().IndexOf("pHYs"u8);
        Assert.True(phys > 0, "no pHYs chunk");
        Assert.Equal(23622, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(phys + 4)));
        var tiff = File.ReadAllBytes(basePath + ".tiff");
        Assert.Equal("II*\0"u8.ToArray(), tiff[..4]);
        Assert.Contains(600u, Rationals(tiff));
    }

    /// <summary>The numerators of the TIFF's RATIONAL tags (resolution).</summary>
    private static IEnumerable<uint> Rationals(byte[] tiff)
    {
        var ifd = (int)BitConverter.ToUInt32(tiff, 4);
        var count = BitConverter.ToUInt16(tiff, ifd);
        for (var i = 0; i < count; i++)
        {
            var entry = ifd + 2 + 12 * i;
            if (BitConverter.ToUInt16(tiff, entry + 2) == 5)
            {
                yield return BitConverter.ToUInt32(tiff, (int)BitConverter.ToUInt32(tiff, entry + 8));
            }
        }
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Reference();
}
