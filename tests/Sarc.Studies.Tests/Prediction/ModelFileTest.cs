using Sarc.Data;
using Sarc.Studies.Prediction;
using static Sarc.Studies.Tests.Prediction.ModelsFixture;

namespace Sarc.Studies.Tests.Prediction;

public class ModelFileTest
{
    private const string Minimal = """
        sarc_model: 1
        kind: cox
        formula: "Surv(t, e) ~ x + g"
        time: t
        event: e
        variables:
          - {name: x, type: numeric, range: [0, 10]}
          - {name: g, type: factor, levels: [a, b]}
        coefficients:
          - {name: x, estimate: 0.5, variable: x}
          - {name: gb, estimate: -1, variable: g, level: b}
        centring: 1
        baseline:
          - {time: 12, survival: 0.9}
        """;

    [Fact]
    public void ToText_FittedModels_ReadBackToTheSameModel()
    {
        foreach (var model in new[] { Cox.Model, FineGray.Model })
        {
            var text = ModelFile.ToText(model);
            var read = ModelFile.Parse(text, "model.yaml");
            Assert.Equal(text, ModelFile.ToText(read));
            Assert.Equal(model.Coefficients.Select(c => c.Estimate), read.Coefficients.Select(c => c.Estimate));
            // A Cox baseline is written as the survival exp(-H): read back, H agrees to rounding.
            for (var j = 0; j < model.Baseline.Count; j++)
            {
                Assert.Equal(model.Baseline[j].CumulativeHazard, read.Baseline[j].CumulativeHazard, 14);
            }
            Assert.Equal(model.Centring, read.Centring);
            Assert.Equal(model.Variables.Select(v => v.Name), read.Variables.Select(v => v.Name));
        }
    }

    [Fact]
    public void Parse_HandWrittenModel_PredictsByHand()
    {
        // lp = 0.5 x - 1 [g = b] - 1; S(12) = 0.9 ^ exp(lp).
        var model = ModelFile.Parse(Minimal, "published.yaml");
        var table = new Sarc.Data.Tables.DataFrame("new.csv",
        [
            new Sarc.Data.Tables.DataColumn("x", Sarc.Data.Tables.ColumnKind.Numeric, [2, 4, 12], null),
            new Sarc.Data.Tables.DataColumn("g", Sarc.Data.Tables.ColumnKind.Text, null, ["a", "b", "b"]),
        ], [2, 3, 4]);
        var predictions = ModelPredictions.Of(model, table);
        Assert.Equal([0, 0, 4], predictions.Evaluation.LinearPredictor);
        Assert.Equal(0.9, predictions.Values[0][0], 14);
        Assert.Equal(Math.Pow(0.9, Math.Exp(4)), predictions.Values[0][2], 14);
        Assert.Equal(["x 12 is outside the fitted range 0 to 10"], predictions.Evaluation.Notes[2]);
    }

    [Theory]
    [InlineData("levels: [a, b]", "levels: [a]", "line 8: factor 'g' needs at least two distinct levels")]
    [InlineData("level: b}", "level: c}", "line 11: 'c' is not a level of 'g' (a, b)")]
    [InlineData("estimate: 0.5,", "estimate: half,", "line 10: estimate must be a number, found 'half'")]
    [InlineData("kind: cox", "kind: logistic", "line 2: kind must be cox or finegray, found 'logistic'")]
    [InlineData("  - {time: 12, survival: 0.9}", "  - {time: 12, cumulative_hazard: 0.1}", "line 14: unknown key 'cumulative_hazard' (expected one of: time, survival)")]
    [InlineData("variable: x}", "variable: x, basis: 1}", "line 10: only a spline has a basis ('x' is numeric)")]
    [InlineData("{name: x, type: numeric, range: [0, 10]}", "{name: x, type: spline, knots: [1, 1, 2]}", "line 7: spline 'x' needs at least 3 knots in increasing order")]
    public void Parse_OneMistake_IsOneLineNamingTheYamlLine(string find, string replace, string message)
    {
        var text = Minimal.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, text);
        var exception = Assert.Throws<DataInputException>(() => ModelFile.Parse(text, "m.yaml"));
        Assert.Equal("m.yaml: " + message, exception.Message);
    }

    [Fact]
    public void Parse_FineGrayWithoutCause_IsRefused()
    {
        var text = Minimal.Replace("kind: cox", "kind: finegray", StringComparison.Ordinal);
        var exception = Assert.Throws<DataInputException>(() => ModelFile.Parse(text, "m.yaml"));
        Assert.Contains("a finegray model needs 'cause'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedThousandsDeep_IsOneLineErrorNotAStackOverflow()
    {
        // A model file is user input like a study definition: it loads through the same bounded reader.
        var text = "sarc_model: 1\nname: " + new string('[', 5000) + new string(']', 5000) + "\n";
        var exception = Assert.Throws<DataInputException>(() => ModelFile.Parse(text, "m.yaml"));
        Assert.StartsWith("m.yaml: line 2: not valid YAML: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }
}
