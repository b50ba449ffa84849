using System.Text.Json;
using Sarc.Data.Csv;
using Sarc.Data.Formulas;
using Sarc.Data.Tables;
using Sarc.Studies.Prediction;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>The cohorts and reference values of validation/models.R, and the two models fitted on the development cohort.</summary>
internal static class ModelsFixture
{
    private static readonly Lazy<ModelFitResult> CoxFit = new(() => Fit("cox", cause: null));
    private static readonly Lazy<ModelFitResult> FineGrayFit = new(() => Fit("finegray", cause: 1));

    public static JsonElement Reference(string section) => Fixture.Reference("models").GetProperty(section);

    public static DataFrame Table(string name) => CsvTableReader.Read(Fixture.PathOf("validation", "data", name + ".csv"));

    public static ModelFitResult Cox => CoxFit.Value;

    public static ModelFitResult FineGray => FineGrayFit.Value;

    public static double[] Times(JsonElement section) => Fixture.Numbers(section.GetProperty("times"));

    public static void Compare(JsonElement expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        var values = Fixture.Numbers(expected);
        Assert.True(values.Length == actual.Count, $"{what}: expected {values.Length} values, got {actual.Count}");
        for (var i = 0; i < values.Length; i++)
        {
            AssertNear.Relative(values[i], actual[i], tolerance, $"{what}[{i}]");
        }
    }

    private static ModelFitResult Fit(string section, int? cause)
    {
        var reference = Reference(section);
        return ModelFitting.Fit(Table(reference.GetProperty("data").GetString()!), Formula.Parse(reference.GetProperty("formula").GetString()!), cause, Times(reference));
    }
}
