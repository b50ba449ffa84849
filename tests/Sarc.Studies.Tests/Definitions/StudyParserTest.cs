using Sarc.Studies.Definitions;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Definitions;

public class StudyParserTest
{
    private const string Valid = """
        id: demo
        title: A study
        cohort:
          site: retroperitoneum
          size_cm: ">= 5"
        derive:
          big: "size_cm > 10"
        analyses:
          - id: os
            kind: km
            endpoint: os
            group: big
            at: [12, 24]
        """;

    [Theory]
    [InlineData("necrosis-outcomes")]
    [InlineData("metastatic-cmt")]
    [InlineData("pulmonary-metastasectomy")]
    [InlineData("lr-dm-multistate")]
    [InlineData("rps-post-relapse")]
    public void ParseFile_SeedStudy_IsValidAndNamedAfterItsFile(string id)
    {
        var result = StudyParser.ParseFile(Fixture.PathOf("studies", id + ".yaml"));

        Assert.Empty(result.Errors);
        Assert.Equal(id, result.Study!.Id);
    }

    [Fact]
    public void Parse_ValidDefinition_ReadsCohortDerivationsAndParameters()
    {
        var study = StudyParser.Parse(Valid, "demo.yaml").Study!;

        Assert.Equal(2, study.Cohort.Count);
        Assert.Equal(">=", study.Cohort[1].Operator);
        Assert.Equal(5, study.Cohort[1].Threshold);
        Assert.Equal(new Derivation("big", "size_cm", ">", 10, 7), study.Derived[0]);
        Assert.Equal(["12", "24"], study.Analyses[0].List("at"));
        Assert.Equal("big", study.Analyses[0].Text("group"));
    }

    [Fact]
    public void Parse_UnknownTopLevelField_NamesItsLine()
    {
        var result = StudyParser.Parse(Valid + "\nauthor: me\n", "demo.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(14, error.Line);
        Assert.Contains("unknown field 'author'", error.Message);
        Assert.Null(result.Study);
    }

    [Fact]
    public void Parse_UnknownAnalysisKind_NamesItsLine()
    {
        var result = StudyParser.Parse(Valid.Replace("kind: km", "kind: kaplan"), "demo.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(10, error.Line);
        Assert.Contains("unknown analysis kind 'kaplan'", error.Message);
    }

    [Fact]
    public void Parse_FormulaTermThatIsNotAColumn_NamesTheTermAndLine()
    {
        var text = Valid + "\n  - id: cox\n    kind: cox\n    endpoint: os\n    formula: \"~ big + tumour_size + strata(center)\"\n";

        var error = Assert.Single(StudyParser.Parse(text, "demo.yaml").Errors);

        Assert.Equal(17, error.Line);
        Assert.Contains("formula term 'tumour_size' is not a column", error.Message);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryOneInTheSameRun()
    {
        var text = Valid.Replace("site: retroperitoneum", "sight: retroperitoneum").Replace("endpoint: os", "endpoint: pfs2").Replace("group: big", "group: bigger");

        var result = StudyParser.Parse(text, "demo.yaml");

        Assert.Equal(3, result.Errors.Count);
        Assert.Equal([4, 11, 12], result.Errors.Select(e => e.Line).Order());
        Assert.Contains(result.Errors, e => e.Message.Contains("unknown field 'sight' in cohort"));
        Assert.Contains(result.Errors, e => e.Message.Contains("'pfs2' is not an endpoint"));
        Assert.Contains(result.Errors, e => e.Message.Contains("'bigger' is not a column"));
    }

    [Fact]
    public void Parse_MissingIdAndAnalyses_ReportsBoth()
    {
        var result = StudyParser.Parse("title: x\n", "demo.yaml");

        Assert.Contains(result.Errors, e => e.Message == "'id' is missing");
        Assert.Contains(result.Errors, e => e.Message.Contains("'analyses' must be a non-empty list"));
    }

    [Fact]
    public void Parse_BrokenYaml_IsOneErrorWithItsLine()
    {
        var error = Assert.Single(StudyParser.Parse("id: x\ntitle: [unclosed\n", "demo.yaml").Errors);

        Assert.StartsWith("not valid YAML", error.Message);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Parse_UnknownParameterForKind_ListsTheAcceptedOnes()
    {
        var error = Assert.Single(StudyParser.Parse(Valid.Replace("at: [12, 24]", "times: [12, 24]"), "demo.yaml").Errors);

        Assert.Equal(13, error.Line);
        Assert.Contains("unknown parameter 'times' for a km analysis", error.Message);
    }
}
