using Sarc.Data.Formulas;
using Sarc.Registry.Models;
using Sarc.Registry.Storage;
using Sarc.Studies.Prediction;
using Sarc.Studies.Tests.Running;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>
/// A registered model predicts for a patient record what <c>sarc model apply</c> predicts for that patient's row of
/// the study dataset, and its validation at registration is <c>sarc model validate</c> on the patients it serves.
/// </summary>
public sealed class RegisteredPredictionsTest(DemoRegistry registry) : IClassFixture<DemoRegistry>
{
    private const string Terms = "rcs(age, 3) + rcs(size_cm, 3) + factor(grade) + histology_name";

    private PredictionModel Fit() =>
        ModelFitting.Fit(registry.Dataset, Formula.Parse($"Surv(os_months, os_event) ~ {Terms}"), null, [60, 120]).Model with { Name = "OS" };

    private static StoredModel Stored(PredictionModel model, string? validation = null) =>
        new(1, "OS", null, ModelFile.ToText(model), "", validation, DateTimeOffset.UnixEpoch, "test");

    [Fact]
    public void For_EveryPatient_IsModelApplyOnTheStudyDataset()
    {
        var model = Fit();
        using var store = RegistryStore.Open(Path.Combine(registry.Folder, "registry.db"));
        var records = store.LoadPatients();
        var apply = ModelPredictions.Of(ModelFile.Parse(ModelFile.ToText(model), "m.yaml"), registry.Dataset);

        for (var i = 0; i < records.Count; i += 7)
        {
            var prediction = Assert.Single(RegisteredPredictions.For(records[i], [Stored(model)]));
            Assert.Null(prediction.Problem);
            var patient = prediction.Prediction!;
            Assert.Equal(apply.Evaluation.Notes[i], patient.Notes);
            if (!patient.IsPredicted)
            {
                Assert.True(double.IsNaN(apply.Evaluation.LinearPredictor[i]));
                continue;
            }
            AssertNear.Relative(apply.Evaluation.LinearPredictor[i], patient.LinearPredictor, 1e-12, $"lp of {records[i].Id}");
            AssertNear.Relative(apply.Values[0][i], patient.AtTimes[0].Value, 1e-12, $"S(60) of {records[i].Id}");
            AssertNear.Relative(apply.Values[1][i], patient.AtTimes[1].Value, 1e-12, $"S(120) of {records[i].Id}");
        }
    }

    [Fact]
    public void For_UnreadableModelOrAColumnTheRegistryLacks_SaysWhyInsteadOfPredicting()
    {
        using var store = RegistryStore.Open(Path.Combine(registry.Folder, "registry.db"));
        var record = store.LoadPatients()[0];
        var broken = new StoredModel(2, "Broken", "MUC", "sarc_model: 1\nkind: cox\nformla: x\n", "", null, DateTimeOffset.UnixEpoch, "test");
        var foreign = Stored(Fit()) with { Model = ModelFile.ToText(Fit()).Replace("\"size_cm\"", "\"tumour_size\"", StringComparison.Ordinal) };

        var predictions = RegisteredPredictions.For(record, [broken, foreign]);

        Assert.StartsWith("the registered model cannot be read: registered model 'Broken': line 3: unknown key 'formla'", predictions[0].Problem);
        Assert.Null(predictions[0].Prediction);
        Assert.Contains("'tumour_size'", predictions[1].Problem);
    }

    [Fact]
    public void Validate_OnACentersPatients_IsModelValidateOnThemAndReadsBack()
    {
        var model = Fit();
        var center = registry.Dataset.Column("center").TextAt(0)!;
        var rows = Enumerable.Range(0, registry.Dataset.RowCount).Where(i => registry.Dataset.Column("center").TextAt(i) == center).ToArray();
        var expected = ModelValidation.Validate(model, registry.Dataset.SelectRows(rows), [60, 120]);

        var summary = ModelRegistration.Validate(model, registry.Dataset, center, "registry.db", "abc", DateTimeOffset.UnixEpoch);
        var read = ModelValidationSummary.Parse(summary.ToJson());

        Assert.Null(read.Error);
        Assert.Equal((expected.Count, expected.Events, expected.Excluded, center), (read.Count, read.Events, read.Excluded, read.Center));
        Assert.Equal(expected.AtTimes.Select(a => a.Harrell!.Index), read.AtTimes.Select(a => a.HarrellC));
        Assert.Equal(expected.AtTimes.Select(a => a.Accuracy.Ipa), read.AtTimes.Select(a => a.Ipa));
        Assert.Equal(expected.Slope.Estimate, read.Slope.Estimate);
        Assert.False(read.Apparent);
        Assert.Equal(DateTimeOffset.UnixEpoch, read.Validated);
    }

    [Fact]
    public void Validate_CenterWithoutPatients_OrOnTheFittedSnapshot_SaysSo()
    {
        var model = Fit();
        var fitted = model with { FittedOn = model.FittedOn! with { Sha256 = "abc" } };

        var none = ModelRegistration.Validate(model, registry.Dataset, "NOWHERE", "registry.db", "abc", DateTimeOffset.UnixEpoch);
        var apparent = ModelRegistration.Validate(fitted, registry.Dataset, null, "registry.db", "abc", DateTimeOffset.UnixEpoch);

        Assert.Equal("the registry has no patient of center NOWHERE yet", ModelValidationSummary.Parse(none.ToJson()).Error);
        Assert.True(ModelValidationSummary.Parse(apparent.ToJson()).Apparent);
    }

    [Fact]
    public void RequireRegistryColumns_ASupplementOrUnknownColumn_IsRefused()
    {
        var model = Fit();

        ModelRegistration.RequireRegistryColumns(model, "os.yaml");
        var e = Assert.Throws<Sarc.Data.DataInputException>(() => ModelRegistration.RequireRegistryColumns(
            model with { Variables = [.. model.Variables, new ModelVariable("systemic_therapy", ModelVariableType.Numeric)] }, "os.yaml"));

        Assert.StartsWith("os.yaml: the model reads 'systemic_therapy', which is not a column of the registry's study dataset", e.Message);
    }
}
