using System.Text.Json;
using Sarc.Data.Formulas;
using Sarc.Data.Tables;
using Sarc.Studies.Analyses;
using Sarc.Studies.Definitions;
using Sarc.Studies.Figures;
using Sarc.Studies.Prediction;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;
using Sarc.Studies.Tests.Reports;
using Sarc.Studies.Tests.Running;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Kinds;

/// <summary>
/// <c>kind: model</c> is <c>sarc model fit</c> + <c>validate</c> + <c>nomogram</c> on the cohort (those engines are
/// checked against rms, riskRegression and cmprsk in tests/Sarc.Studies.Tests/Prediction): the analysis must build the
/// same formula from its endpoint, fit the same model, validate it at its times and write a model file that predicts
/// as the fit does.
/// </summary>
public sealed class ModelKindTest(DemoRegistry registry) : IClassFixture<DemoRegistry>
{
    private const string Terms = "rcs(age, 4) + rcs(size_cm, 3) + factor(grade)";

    private static StudyParseResult Parse(string analysis) => StudyParser.Parse($"""
        id: s
        title: S
        analyses:
          - id: m
            kind: model
        {analysis}
        """, "s.yaml");

    private StudyResult Run(string analysis)
    {
        var parsed = Parse(analysis);
        Assert.Empty(parsed.Errors);
        return StudyRunner.Run(parsed.Study!, registry.Dataset);
    }

    private ModelAnalysis Model(string analysis)
    {
        var result = Run(analysis).Analyses[0];
        Assert.True(result.Error is null, result.Error);
        return Assert.IsType<ModelAnalysis>(result.Payload);
    }

    [Fact]
    public void Run_OsModel_IsModelFitAndValidateOnTheCohort()
    {
        var analysis = Model($"    endpoint: os\n    formula: \"~ {Terms}\"\n    times: [60, 120]\n    title: OS model");

        var expected = ModelFitting.Fit(registry.Dataset, Formula.Parse($"Surv(os_months, os_event) ~ {Terms}"), null, [60, 120]);
        var model = analysis.Model;
        Assert.Equal(Sarc.Studies.Prediction.ModelKind.Cox, model.Kind);
        Assert.Equal("OS model", model.Name);
        Assert.Equal(expected.Model.Coefficients.Select(c => c.Name), model.Coefficients.Select(c => c.Name));
        Assert.Equal(expected.Model.Coefficients.Select(c => c.Estimate), model.Coefficients.Select(c => c.Estimate));
        Assert.Equal(expected.Model.Baseline, model.Baseline);
        Assert.Equal(expected.Model.Variables.Single(v => v.Name == "age").Knots, model.Variables.Single(v => v.Name == "age").Knots);
        var validation = ModelValidation.Validate(expected.Model, registry.Dataset, [60, 120]);
        Assert.Equal([60.0, 120.0], analysis.Validation.AtTimes.Select(a => a.Time));
        Assert.Equal(validation.AtTimes.Select(a => a.Harrell!.Index), analysis.Validation.AtTimes.Select(a => a.Harrell!.Index));
        Assert.Equal(validation.AtTimes.Select(a => a.Accuracy.Brier), analysis.Validation.AtTimes.Select(a => a.Accuracy.Brier));
        Assert.Equal(validation.Slope, analysis.Validation.Slope);
        Assert.Null(analysis.Validation.Bootstrap);
        Assert.NotNull(analysis.Nomogram);
    }

    [Fact]
    public void Run_WithoutTimes_PredictsAtFiveAndTenYears()
    {
        var analysis = Model($"    endpoint: os\n    formula: \"~ {Terms}\"");

        Assert.Equal([60.0, 120.0], analysis.Model.Times);
    }

    [Fact]
    public void Run_CompetingEndpointWithCause_IsAFineGrayModelOfThatCause()
    {
        var analysis = Model("    endpoint: dm_cr\n    cause: 1\n    formula: \"~ rcs(size_cm, 3) + factor(grade)\"");

        var crr = FinegrayReport.Analyse(registry.Dataset, Formula.Parse("Surv(dm_cr_months, dm_cr_event) ~ rcs(size_cm, 3) + factor(grade)"), 1, 0.95);
        Assert.Equal(Sarc.Studies.Prediction.ModelKind.FineGray, analysis.Model.Kind);
        Assert.Equal(1, analysis.Model.Cause);
        Assert.Equal(crr.Fit.Beta, analysis.Model.Coefficients.Select(c => c.Estimate));
        Assert.All(analysis.Validation.AtTimes, at => Assert.Null(at.Harrell));
    }

    [Fact]
    public void Run_Bootstrap_IsValidateWithTheSameResamplesAndReproducible()
    {
        const string Definition = "    endpoint: os\n    formula: \"~ rcs(age, 3) + factor(grade)\"\n    times: [60]\n    bootstrap: 20\n    seed: 11";

        var first = Model(Definition);
        var second = Model(Definition);

        var expected = ModelValidation.Validate(first.Model, registry.Dataset, [60], 20, 11).Bootstrap!;
        var bootstrap = first.Validation.Bootstrap!;
        Assert.Equal(20, bootstrap.Requested);
        Assert.Equal(expected.Concordance, bootstrap.Concordance);
        Assert.Equal(expected.Slope, bootstrap.Slope);
        Assert.Equal(bootstrap.Concordance, second.Validation.Bootstrap!.Concordance);
        using var json = JsonDocument.Parse(ResultsJson.Write([Run(Definition)]));
        var validation = json.RootElement.GetProperty("studies")[0].GetProperty("analyses")[0].GetProperty("validation");
        Assert.Equal(11, validation.GetProperty("seed").GetInt32());
        Assert.Equal(20, validation.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
    }

    [Theory]
    [InlineData("    endpoint: os\n    cause: 1\n    formula: \"~ age\"", "cause", "'cause' needs a competing-risks endpoint")]
    [InlineData("    endpoint: dm_cr\n    cause: 1.5\n    formula: \"~ age\"", "cause", "'cause' must be a positive whole-number status code of dm_cr_event, found 1.5")]
    [InlineData("    endpoint: dm_cr\n    bootstrap: 50\n    formula: \"~ age\"", "bootstrap", "available for Cox models")]
    [InlineData("    endpoint: os\n    bootstrap: 2.5\n    formula: \"~ age\"", "bootstrap", "'bootstrap' must be a whole number")]
    [InlineData("    endpoint: os\n    bootstrap: 5000\n    formula: \"~ age\"", "bootstrap", "from 0 to 2000")]
    [InlineData("    endpoint: os\n    times: [60, -12]\n    formula: \"~ age\"", "times", "'times' must be positive")]
    [InlineData("    endpoint: os\n    formula: \"~ rcs(tumour_size, 3)\"", "formula", "'tumour_size' is not a column")]
    public void Parse_BadParameter_IsAnErrorOnItsLine(string analysis, string parameter, string message)
    {
        var result = Parse(analysis);

        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message);
        var line = analysis.Split('\n').Select((text, i) => (text, i)).First(l => l.text.TrimStart().StartsWith(parameter + ":", StringComparison.Ordinal)).i + 6;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Run_TimeBeyondTheFollowUp_IsNotRunWithOneLine()
    {
        var result = Run($"    endpoint: os\n    formula: \"~ {Terms}\"\n    times: [60, 900]").Analyses[0];

        Assert.Null(result.Output);
        Assert.Contains("900 is beyond the last follow-up time", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void Run_Interaction_HasNoNomogramAndSaysWhy()
    {
        var analysis = Model("    endpoint: os\n    formula: \"~ age * size_cm\"");

        Assert.Null(analysis.Nomogram);
        Assert.Contains(analysis.Warnings, w => w.StartsWith("no nomogram:", StringComparison.Ordinal) && w.Contains("interaction"));
    }

    [Fact]
    public void Present_ModelFile_ReadsBackWithTheSnapshotAndPredictsAsTheFit()
    {
        var parsed = Parse($"    endpoint: os\n    formula: \"~ {Terms}\"\n    times: [60, 120]");
        var study = parsed.Study!;
        var analysis = Model($"    endpoint: os\n    formula: \"~ {Terms}\"\n    times: [60, 120]");
        var snapshot = new DataSnapshot("registry.db", new string('a', 64), new Sarc.Registry.Audit.AuditHead(42, new string('b', 64)), registry.Dataset.RowCount);

        var blocks = new Sarc.Studies.Kinds.ModelKind().Present(analysis, new ReportContext(study, study.Analyses[0], new ReportLabels([])) { Data = snapshot });

        var file = Assert.Single(blocks.OfType<ReportFile>());
        Assert.Equal(".yaml", file.Extension);
        var model = ModelFile.Parse(file.Content, "m.yaml");
        Assert.Equal(snapshot.Sha256, model.FittedOn!.Sha256);
        Assert.Equal("registry.db", model.FittedOn.Data);
        Assert.Equal(analysis.Model.FittedOn!.Count, model.FittedOn.Count);
        var fromFile = ModelPredictions.Of(model, registry.Dataset);
        var fromFit = ModelPredictions.Of(analysis.Model, registry.Dataset);
        for (var i = 0; i < registry.Dataset.RowCount; i++)
        {
            AssertNear.Relative(fromFit.Values[1][i], fromFile.Values[1][i], 1e-12, $"row {i}");
        }
        Assert.Equal(["-calibration-60", "-calibration-120", "-nomogram"], blocks.OfType<ReportFigure>().Select(f => f.Suffix));
        Assert.Contains(blocks.OfType<ReportTable>(), t => t.Suffix == "-validation" && t.Header.Contains("Uno's C"));
    }

    [Fact]
    public void Report_WritesTheModelFileNextToThePageAndResultsFitTheSchema()
    {
        var result = Run($"    endpoint: os\n    formula: \"~ {Terms}\"\n    bootstrap: 10\n  - id: dm\n    kind: model\n    endpoint: dm_cr\n    formula: \"~ size_cm + factor(grade)\"\n  - id: late\n    kind: model\n    endpoint: os\n    formula: \"~ age\"\n    times: [900]");
        var folder = Path.Combine(registry.Folder, "model-report");

        var html = File.ReadAllText(HtmlReport.Write(folder, [result], "test"));

        Assert.True(File.Exists(Path.Combine(folder, "s-m.yaml")));
        Assert.Contains("href=\"s-m.yaml\"", html);
        Assert.True(File.Exists(Path.Combine(folder, "s-dm-calibration-60.svg")));
        Assert.True(File.Exists(Path.Combine(folder, "s-m-optimism.csv")));
        Assert.Equal(Sarc.Studies.Prediction.ModelKind.FineGray, ModelFile.Read(Path.Combine(folder, "s-dm.yaml")).Kind);
        Assert.Contains("Prediction models were fitted", html);
        using var schema = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("docs", "results.schema.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Empty(SchemaChecker.Check(schema.RootElement, json.RootElement));
        Assert.Contains("beyond the last follow-up", json.RootElement.GetProperty("studies")[0].GetProperty("analyses")[2].GetProperty("error").GetString());
    }

    [Fact]
    public void SchemaChecker_ModelWithoutItsValidation_IsRejected()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("docs", "results.schema.json")));
        using var bad = JsonDocument.Parse("""{"studies": [{"id": "s", "title": "S", "n": 1, "analyses": [{"id": "m", "kind": "model", "warnings": [], "endpoint": "os", "model": {}, "nomogram": null}]}]}""");

        Assert.NotEmpty(SchemaChecker.Check(schema.RootElement, bad.RootElement));
    }
}
