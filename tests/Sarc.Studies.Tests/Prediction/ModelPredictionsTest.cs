using Sarc.Studies.Prediction;

namespace Sarc.Studies.Tests.Prediction;

public class ModelPredictionsTest
{
    [Fact]
    public void ForPatient_Values_PredictAsTheTableDoes()
    {
        var model = ModelsFixture.Cox.Model;
        var prediction = ModelPredictions.ForPatient(model, new Dictionary<string, string?>
        {
            ["age"] = "63", ["size_cm"] = "50", ["grade"] = "3", ["histology"] = "UPS",
        });
        var table = new Sarc.Data.Tables.DataFrame("t.csv",
        [
            new Sarc.Data.Tables.DataColumn("age", Sarc.Data.Tables.ColumnKind.Numeric, [63], null),
            new Sarc.Data.Tables.DataColumn("size_cm", Sarc.Data.Tables.ColumnKind.Numeric, [50], null),
            new Sarc.Data.Tables.DataColumn("grade", Sarc.Data.Tables.ColumnKind.Numeric, [3], null),
            new Sarc.Data.Tables.DataColumn("histology", Sarc.Data.Tables.ColumnKind.Text, null, ["UPS"]),
        ], [2]);
        var expected = ModelPredictions.Of(model, table);
        Assert.True(prediction.IsPredicted);
        Assert.Equal(expected.Evaluation.LinearPredictor[0], prediction.LinearPredictor);
        Assert.Equal(expected.Values.Select(v => v[0]), prediction.AtTimes.Select(a => a.Value));
        Assert.Equal(["size_cm 50 is outside the fitted range 1 to 44.3"], prediction.Notes);
    }

    [Fact]
    public void ForPatient_UnknownHistology_IsNotPredictedAndSaysWhy()
    {
        var prediction = ModelPredictions.ForPatient(ModelsFixture.Cox.Model, new Dictionary<string, string?>
        {
            ["age"] = "63", ["size_cm"] = "5", ["grade"] = "3", ["histology"] = "DDLPS",
        });
        Assert.False(prediction.IsPredicted);
        Assert.All(prediction.AtTimes, a => Assert.True(double.IsNaN(a.Value)));
        Assert.Contains("histology 'DDLPS' is not a level of the model", prediction.Notes.Single(), StringComparison.Ordinal);
    }
}
