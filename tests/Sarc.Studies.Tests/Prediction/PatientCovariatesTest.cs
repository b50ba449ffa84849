using Sarc.Registry.Storage;
using Sarc.Studies.Data;
using Sarc.Studies.Prediction;
using Sarc.Studies.Running;
using Sarc.Studies.Tests.Running;

namespace Sarc.Studies.Tests.Prediction;

/// <summary>
/// A patient record's covariates are the study dataset's row for that patient: the record page predicts from exactly
/// the values a study fits its models on (one derivation, never a second).
/// </summary>
public sealed class PatientCovariatesTest(DemoRegistry registry) : IClassFixture<DemoRegistry>
{
    [Fact]
    public void Of_EveryPatient_EqualsTheStudyDatasetBuiltFromTheRegistryExport()
    {
        using var store = RegistryStore.Open(Path.Combine(registry.Folder, "registry.db"));
        var records = store.LoadPatients();

        var covariates = PatientCovariates.Of(records, "records");

        // The study dataset of the registry's export (the file the demo's studies read), without a supplement: a record has none.
        var dataset = StudyData.Load(Path.Combine(registry.Folder, "export.csv"), supplementPath: null);
        Assert.Equal(dataset.RowCount, covariates.RowCount);
        Assert.Equal(dataset.Columns.Select(c => c.Name), covariates.Columns.Select(c => c.Name));
        foreach (var name in dataset.Columns.Select(c => c.Name))
        {
            var expected = dataset.Column(name);
            var actual = covariates.Column(name);
            Assert.Equal(expected.Kind, actual.Kind);
            for (var i = 0; i < dataset.RowCount; i++)
            {
                Assert.True(expected.TextAt(i) == actual.TextAt(i), $"{name} of {records[i].Id}: '{expected.TextAt(i)}' in the study dataset, '{actual.TextAt(i)}' for the record");
            }
        }
    }

    [Fact]
    public void Of_OnePatient_IsThatPatientsRow()
    {
        using var store = RegistryStore.Open(Path.Combine(registry.Folder, "registry.db"));
        var records = store.LoadPatients();
        var k = records.Count / 2;

        var one = PatientCovariates.Of([records[k]], "one");

        Assert.Equal(1, one.RowCount);
        Assert.Equal(registry.Dataset.Column("patient_id").TextAt(k), one.Column("patient_id").TextAt(0));
        Assert.Equal(registry.Dataset.Column("age").Numbers![k], one.Column("age").Numbers![0]);
        Assert.Equal(registry.Dataset.Column("histology_name").TextAt(k), one.Column("histology_name").TextAt(0));
    }
}
