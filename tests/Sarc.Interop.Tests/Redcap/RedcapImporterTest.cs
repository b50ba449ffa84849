using Sarc.Data;
using Sarc.Interop.Redcap;
using Sarc.Registry.Domain;
using Sarc.Registry.Storage;

namespace Sarc.Interop.Tests.Redcap;

public sealed class RedcapImporterTest : IDisposable
{
    private readonly TempFolder temp = TestRegistry.Temp();

    public void Dispose() => temp.Dispose();

    private MappedImportResult ImportCenter(string records, string? db = null, string mapping = CenterProject.Mapping, string dictionary = CenterProject.Dictionary)
    {
        File.WriteAllText(temp.File("dd.csv"), dictionary);
        File.WriteAllText(temp.File("records.csv"), records);
        File.WriteAllText(temp.File("map.yaml"), mapping);
        db ??= temp.File("center.db");
        return RedcapImporter.ImportFiles(() => RegistryStore.Open(db), temp.File("dd.csv"), temp.File("records.csv"), temp.File("map.yaml"),
            update: false, TestRegistry.Tester, TestRegistry.AsOf);
    }

    [Fact]
    public void Import_CentersOwnProject_MapsFieldsCodesDatesCheckboxesAndTheDeathOnTheBaselineForm()
    {
        var result = ImportCenter(CenterProject.Records());

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal((2, 2), (result.Records, result.Inserted));
        var patients = TestRegistry.Load(temp.File("center.db"));
        var p17 = patients.Single(p => p.Id == "17");
        Assert.Equal(new Patient("17", "MUC", Sex.Male, new DateOnly(1961, 4, 3)), p17.Patient);
        Assert.Equal(new PrimaryTumor(new DateOnly(2015, 1, 15), "8890/3", TumorSite.ExtremityLower, null, 12.5, FnclccGrade.G3), p17.Tumor);
        Assert.Equal([new Surgery(new DateOnly(2015, 2, 20), SurgeryKind.Primary, Margin: ResectionMargin.R0)], p17.Surgeries);
        Assert.Equal(
            [
                new OutcomeEvent(OutcomeEventKind.LocalRecurrence, new DateOnly(2017, 5, 10)),
                new OutcomeEvent(OutcomeEventKind.DistantMetastasis, new DateOnly(2017, 12, 1), Site: TargetSite.Lung),
                new OutcomeEvent(OutcomeEventKind.Death, new DateOnly(2019, 6, 20), DeathCause.Sarcoma),
            ],
            p17.Events);
        var p18 = patients.Single(p => p.Id == "18");
        Assert.Equal(new DateOnly(1970, 7, 30), p18.Patient.BirthDate);
        Assert.Equal(TumorSite.Retroperitoneum, p18.Tumor.Site);
        Assert.Empty(p18.Events);
    }

    [Fact]
    public void Import_IsAuditedWithBothFileNamesAndOneHashOfBoth()
    {
        ImportCenter(CenterProject.Records());

        using var store = RegistryStore.OpenExisting(temp.File("center.db"));
        var audit = store.ReadAudit();
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.Equal("records.csv (dictionary dd.csv)", a.SourceFile));
        Assert.All(audit, a => Assert.Matches("^[0-9a-f]{64}$", a.SourceSha256!));
        Assert.Equal(RedcapSource.Of("x", ("dd.csv", File.ReadAllBytes(temp.File("dd.csv"))), ("records.csv", File.ReadAllBytes(temp.File("records.csv")))).Sha256,
            audit[0].SourceSha256);
    }

    [Fact]
    public void Import_CodeNotInTheMapping_ListsTheRecordInstrumentInstanceAndFieldAndImportsNothing()
    {
        var result = ImportCenter(CenterProject.Records(recurrence2: "01-12-2017,9,0,0,0"));

        Assert.False(result.Succeeded);
        Assert.Equal(["record 17, instrument recurrence, instance 2: field rec_type: code 9 is not in the mapping"], result.Problems.Select(p => p.Text));
        Assert.False(File.Exists(temp.File("center.db")));
    }

    [Fact]
    public void Import_EveryUnmappableRecordIsListed()
    {
        var records = CenterProject.Records(recurrence2: "01-12-2017,2,1,1,0", size18: "8") + "19,,,3,01-01-1950,31-02-2016,8890/3,1,1,4,,,2,,,,,,,,,,\n";

        var result = ImportCenter(records);

        Assert.Equal(
            [
                "record 17, instrument recurrence, instance 2: field mets_site: 2 boxes are checked (1, 2); events.site takes one",
                "record 19, instrument baseline: field gender: code 3 is not in the mapping",
                "record 19, instrument baseline: field dx_date: '31-02-2016' is not a date (date_dmy)",
            ],
            result.Problems.Select(p => p.Text));
        Assert.False(File.Exists(temp.File("center.db")));
    }

    [Fact]
    public void Import_ARegistryRuleBroken_NamesTheRecordAndTheCentersField()
    {
        var result = ImportCenter(CenterProject.Records(size18: "-3"));

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("record 18, instrument baseline: field size: -3 is out of range", problem.Text, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("center.db")));
    }

    [Fact]
    public void Import_PatientAlreadyInTheRegistry_ChangesNothingWithoutUpdate()
    {
        var db = temp.File("center.db");
        Assert.True(ImportCenter(CenterProject.Records()).Succeeded);
        var before = TestRegistry.LongText(db);

        var again = ImportCenter(CenterProject.Records(size18: "9"), db);

        Assert.False(again.Succeeded);
        Assert.Contains(again.Problems, p => p.Kind == Sarc.Registry.Template.ImportErrorKind.AlreadyInRegistry && p.Text.StartsWith("record 17, instrument baseline", StringComparison.Ordinal));
        Assert.Equal(before, TestRegistry.LongText(db));
    }

    [Theory]
    [InlineData("field_name,form_name\nstudy_id,baseline\n", "dd.csv:line 1: not a REDCap data dictionary: column 3 is nothing, expected 'Section Header'")]
    [InlineData("patient_id,center,sex\n", "dd.csv:line 1: not a REDCap data dictionary: column 1 is 'patient_id', expected 'Variable / Field Name'")]
    public void Import_DictionaryNotInREDCapsFormat_IsOneLine(string dictionary, string message)
    {
        var e = Assert.Throws<DataInputException>(() => ImportCenter(CenterProject.Records(), dictionary: dictionary));

        Assert.StartsWith(temp.File(message.Split(':')[0]) + message[message.IndexOf(':', StringComparison.Ordinal)..], e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("center.db")));
    }

    [Theory]
    [InlineData("date: rec_date", "date: rec_dat", "line 30: date: field 'rec_dat' is not in the data dictionary")]
    [InlineData("histology: morph", "histolgy: morph", "line 11: 'histolgy' is not a column of patients")]
    [InlineData("2: distant_metastasis", "2: distant", "line 31: kind: 'distant' is not one of local_recurrence | distant_metastasis | death")]
    [InlineData("entity: surgeries", "entity: surgery", "line 22: entity 'surgery' is not one of patients, surgeries")]
    [InlineData("3: bone } }", "4: bone } }", "line 32: site: code 4 is not a choice of field 'mets_site' (1, 2, 3)")]
    [InlineData("      date: op_date\n", "", "line 21: entity surgeries needs column date mapped")]
    public void Import_MappingMistake_IsOneLineNamingTheMappingLine(string from, string to, string message)
    {
        var mapping = CenterProject.Mapping.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(CenterProject.Mapping, mapping);

        var e = Assert.Throws<DataInputException>(() => ImportCenter(CenterProject.Records(), mapping: mapping));

        Assert.StartsWith(temp.File("map.yaml") + ":" + message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(File.Exists(temp.File("center.db")));
    }
}
