using Hl7.Fhir.Model;
using Sarc.Data;
using Sarc.Interop.Fhir;
using Sarc.Registry;
using Sarc.Registry.Storage;
using Sarc.Studies.Simulation;

namespace Sarc.Interop.Tests.Fhir;

/// <summary>The demo registry (the simulator, 120 patients) as a FHIR bundle: valid FHIR R4, mCODE-shaped, and read back whole.</summary>
public sealed class FhirExporterTest : IClassFixture<FhirExporterTest.Demo>
{
    private readonly Demo demo;

    public FhirExporterTest(Demo demo) => this.demo = demo;

    /// <summary>The simulated registry imported into SQLite, its bundle, and one validator for all tests.</summary>
    public sealed class Demo : IDisposable
    {
        public Demo()
        {
            var simulated = RegistrySimulator.Write(Temp.File("demo"), SimulationOptions.Default with { Patients = 120 });
            Db = Temp.File("demo.db");
            using var store = RegistryStore.Open(Db);
            var result = RegistryImporter.ImportFile(store, simulated.Folder, update: false, TestRegistry.Tester, TestRegistry.AsOf);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Records = store.LoadPatients();
            Bundle = FhirExporter.Export(Records);
        }

        internal TempFolder Temp { get; } = TestRegistry.Temp();

        public string Db { get; }

        public IReadOnlyList<Sarc.Registry.Domain.PatientRecord> Records { get; }

        public Bundle Bundle { get; }

        public FhirValidation Validation { get; } = new();

        public void Dispose() => Temp.Dispose();
    }

    private IEnumerable<T> All<T>() where T : Resource => demo.Bundle.Entry.Select(e => e.Resource).OfType<T>();

    [Fact]
    public void DemoRegistry_EveryResourceValidatesAgainstFhirR4CoreWithZeroErrors()
    {
        var errors = demo.Bundle.Entry
            .SelectMany(e => demo.Validation.Errors(e.Resource!).Select(error => $"{e.Resource!.TypeName}/{e.Resource.Id}: {error}"))
            .ToList();

        Assert.True(demo.Bundle.Entry.Count > 1000, $"{demo.Bundle.Entry.Count} resources");
        Assert.Empty(errors);
    }

    [Fact]
    public void Bundle_IsACollectionAndEveryResourceNamesItsMcodeProfile()
    {
        Assert.Equal(Bundle.BundleType.Collection, demo.Bundle.Type);
        Assert.All(All<Patient>(), p => Assert.Equal([Mcode.CancerPatient], p.Meta!.Profile));
        Assert.Equal(demo.Records.Count, All<Patient>().Count());
        Assert.Equal(demo.Records.Count, All<Condition>().Count(c => c.Meta!.Profile.Single() == Mcode.PrimaryCancerCondition));
        Assert.Equal(demo.Records.Sum(r => r.Events.Count(e => e.Kind != Sarc.Registry.Domain.OutcomeEventKind.Death)),
            All<Condition>().Count(c => c.Meta!.Profile.Single() == Mcode.SecondaryCancerCondition));
        Assert.Equal(demo.Records.Sum(r => r.Surgeries.Count), All<Procedure>().Count(p => p.Meta!.Profile.Single() == Mcode.SurgicalProcedure));
        Assert.Equal(demo.Records.Sum(r => r.Radiotherapy.Count), All<Procedure>().Count(p => p.Meta!.Profile.Single() == Mcode.RadiotherapyCourseSummary));
        Assert.Equal(demo.Records.Sum(r => r.Systemic.Count), All<MedicationAdministration>().Count(m => m.Meta!.Profile.Single() == Mcode.MedicationAdministration));
        Assert.Equal(demo.Records.Sum(r => r.FollowUps.Count), All<Observation>().Count(o => o.Meta?.Profile.SingleOrDefault() == Mcode.CancerDiseaseStatus));
        Assert.Equal(demo.Records.Count(r => r.AjccStage is not null), All<Observation>().Count(o => o.Meta?.Profile.SingleOrDefault() == Mcode.TnmStageGroup));
    }

    [Fact]
    public void Codes_AreThoseMcodeStates()
    {
        var first = demo.Records.OrderBy(r => r.Id, StringComparer.Ordinal).First(r => r.Tumor.SizeCm is not null && r.Radiotherapy.Count > 0);
        var patient = All<Patient>().Single(p => p.Identifier.Single().Value == first.Id);
        var subject = "urn:uuid:" + patient.Id;
        var mine = demo.Bundle.Entry.Select(e => e.Resource).Where(r => r is not Patient && Subject(r) == subject).ToList();

        var primary = mine.OfType<Condition>().Single(c => c.Meta!.Profile.Single() == Mcode.PrimaryCancerCondition);
        Assert.Equal(first.Tumor.Histology, primary.GetExtensionValue<CodeableConcept>(Mcode.HistologyMorphologyBehavior).Coding.Single().Code);
        Assert.Equal(Mcode.IcdO3, primary.GetExtensionValue<CodeableConcept>(Mcode.HistologyMorphologyBehavior).Coding.Single().System);
        var size = mine.OfType<Observation>().Single(o => o.Meta?.Profile.SingleOrDefault() == Mcode.TumorSize);
        Assert.Contains(size.Code.Coding, c => c.System == "http://loinc.org" && c.Code == "21889-1");
        Assert.Equal((decimal)first.Tumor.SizeCm!.Value, ((Quantity)size.Value!).Value);
        Assert.Equal("cm", ((Quantity)size.Value).Code);
        var course = mine.OfType<Procedure>().First(p => p.Meta!.Profile.Single() == Mcode.RadiotherapyCourseSummary);
        Assert.Contains(course.Code!.Coding, c => c.System == "http://snomed.info/sct" && c.Code == "1217123003");
        var dose = course.GetExtension(Mcode.DoseDeliveredToVolume).GetExtensionValue<Quantity>("totalDoseDelivered");
        Assert.Equal(("cGy", (decimal)first.Radiotherapy[0].DoseGy * 100), (dose.Code, dose.Value!.Value));
        Assert.Equal(first.Radiotherapy[0].Fractions, course.GetExtension(Mcode.DoseDeliveredToVolume).GetExtensionValue<UnsignedInt>("fractionsDelivered").Value);
        if (first.AjccStage is { } stage)
        {
            var group = mine.OfType<Observation>().Single(o => o.Meta?.Profile.SingleOrDefault() == Mcode.TnmStageGroup);
            Assert.Equal(stage, ((CodeableConcept)group.Value!).Coding.Single().Code);
        }
        var margin = All<Observation>().First(o => o.Code.Coding.Any(c => c.System == Mcode.SarcObservation && c.Code == "surgeries.margin"));
        Assert.Contains(margin.Code.Coding, c => c.System == Mcode.Naaccr && c.Code == "1320");
    }

    [Fact]
    public void RoundTrip_DemoRegistry_GivesTheIdenticalLongExport()
    {
        File.WriteAllText(demo.Temp.File("bundle.json"), FhirJson.Serialize(demo.Bundle));
        var copy = demo.Temp.File($"copy-{Guid.NewGuid():N}.db");

        var result = FhirImporter.ImportFile(() => RegistryStore.Open(copy), demo.Temp.File("bundle.json"), demo.Validation, false, TestRegistry.Tester, TestRegistry.AsOf);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(demo.Records.Count, result.Inserted);
        Assert.Equal(TestRegistry.LongText(demo.Records), TestRegistry.LongText(copy));
        using var store = RegistryStore.OpenExisting(copy);
        Assert.All(store.ReadAudit(), a => Assert.Equal("bundle.json", a.SourceFile));
    }

    [Fact]
    public void Import_BundleThatDoesNotValidate_IsOneLineAndChangesNothing()
    {
        var json = FhirJson.Serialize(FhirExporter.Export(demo.Records.Take(3)));
        var broken = demo.Temp.File("broken.json");
        // An observation with both a value and a data-absent reason: the JSON parses, the core invariant obs-6 forbids it.
        var index = json.IndexOf("\"valueQuantity\": {", StringComparison.Ordinal);
        Assert.True(index > 0);
        File.WriteAllText(broken, json[..index] + "\"dataAbsentReason\": { \"text\": \"not measured\" }, " + json[index..]);
        var copy = demo.Temp.File("never.db");

        var e = Assert.Throws<DataInputException>(() => FhirImporter.ImportFile(() => RegistryStore.Open(copy), broken, demo.Validation, false, TestRegistry.Tester, TestRegistry.AsOf));

        Assert.Matches(@"broken\.json: entry \d+ \(Observation\) does not validate against FHIR R4: .*obs-6.*; nothing imported$", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(File.Exists(copy));
    }

    [Fact]
    public void Import_NotABundle_IsOneLine()
    {
        File.WriteAllText(demo.Temp.File("patient.json"), "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"gender\": \"robot\"}}]}");

        var e = Assert.Throws<DataInputException>(() => FhirImporter.ImportFile(() => RegistryStore.Open(demo.Temp.File("never2.db")), demo.Temp.File("patient.json"),
            demo.Validation, false, TestRegistry.Tester, TestRegistry.AsOf));

        Assert.StartsWith(demo.Temp.File("patient.json") + ": not a valid FHIR R4 Bundle: ", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(demo.Temp.File("never2.db")));
    }

    private static string? Subject(Resource? resource) => resource switch
    {
        Condition c => c.Subject?.Reference,
        Observation o => o.Subject?.Reference,
        Procedure p => p.Subject?.Reference,
        MedicationAdministration m => m.Subject?.Reference,
        _ => null,
    };
}
