using System.Text.Json;
using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;
using Sarc.Studies.Prediction;
using Sarc.Testing;
using static Sarc.Studies.Tests.Prediction.ModelsFixture;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>
/// Harrell's optimism correction against rms::validate(cph fit, B = 20). Bootstrap resamples cannot match R's RNG, so
/// the test feeds the resamples R drew (validation/models.R writes them and checks that they reproduce validate's
/// table) and compares every column of the table.
/// </summary>
public class ModelBootstrapReferenceTest
{
    [Fact]
    public void Validate_ResamplesOfR_MatchRmsValidate()
    {
        var expected = Reference("bootstrap");
        var data = ModelOutcome.Read(Cox.Model, Table(expected.GetProperty("data").GetString()!));
        Assert.Equal(expected.GetProperty("n").GetInt32(), data.Count);
        var resamples = expected.GetProperty("indices").EnumerateArray()
            .Select(row => row.EnumerateArray().Select(i => i.GetInt32() - 1).ToArray()).ToArray();
        var names = Cox.Model.Coefficients.Select(c => c.Name).ToArray();
        var coxData = new CoxData(null, data.Outcome.Time, data.Outcome.Status.Select(s => (double)s).ToArray(), data.Design, names, names,
            Enumerable.Range(0, names.Length).ToArray());

        var result = OptimismBootstrap.Validate(coxData, resamples);

        Assert.Equal(resamples.Length, result.Successful);
        CompareRow(expected.GetProperty("dxy"), result.SomersD, "Dxy");
        CompareRow(expected.GetProperty("slope"), result.Slope, "Slope");
        AssertNear.Relative((1 + expected.GetProperty("dxy").GetProperty("index.corrected").GetDouble()) / 2, result.Concordance.Corrected, Tolerance.Estimate, "corrected C");
    }

    [Fact]
    public void Validate_SameSeed_GivesTheSameTable()
    {
        var dev = Table("models_dev");
        var first = ModelValidation.Validate(Cox.Model, dev, [60], resamples: 5, seed: 42);
        var second = ModelValidation.Validate(Cox.Model, dev, [60], resamples: 5, seed: 42);
        var other = ModelValidation.Validate(Cox.Model, dev, [60], resamples: 5, seed: 43);
        Assert.Equal(first.Bootstrap, second.Bootstrap);
        Assert.NotEqual(first.Bootstrap!.SomersD.Test, other.Bootstrap!.SomersD.Test);
    }

    private static void CompareRow(JsonElement expected, OptimismRow actual, string what)
    {
        AssertNear.Relative(expected.GetProperty("index.orig"), actual.Apparent, Tolerance.Estimate, $"{what} index.orig");
        AssertNear.Relative(expected.GetProperty("training"), actual.Training, Tolerance.Estimate, $"{what} training");
        AssertNear.Relative(expected.GetProperty("test"), actual.Test, Tolerance.Estimate, $"{what} test");
        AssertNear.Relative(expected.GetProperty("optimism"), actual.Optimism, Tolerance.Estimate, $"{what} optimism");
        AssertNear.Relative(expected.GetProperty("index.corrected"), actual.Corrected, Tolerance.Estimate, $"{what} corrected");
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.Resamples);
    }
}
