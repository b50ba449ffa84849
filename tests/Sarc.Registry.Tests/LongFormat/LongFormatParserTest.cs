using Sarc.Registry.Domain;
using Sarc.Registry.Import;

namespace Sarc.Registry.Tests.LongFormat;

public sealed class LongFormatParserTest : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private readonly List<string> folders = [];

    [Fact]
    public void Parse_ValidPatientWithEveryKindOfEntry_BuildsTheWholeRecord()
    {
        var text = new LongText().Patient("P1", ("metastatic_at_diagnosis", "no"), ("smoking", "never"), ("bmi", "24.5"), ("charlson", "1"))
            .Row("surgeries", "P1", ("date", "2017-06-01"), ("kind", "metastasectomy"), ("target", "lung"), ("lesions", "2"), ("max_lesion_cm", "1.5"), ("clavien_dindo", "IIIa"))
            .Row("radiotherapy", "P1", ("setting", "neoadjuvant"), ("target", "primary_site"), ("dose_gy", "50"), ("fractions", "25"), ("start_date", "2015-03-05"), ("end_date", "2015-03-20"), ("late_toxicity_grade", "2"))
            .Row("systemic", "P1", ("regimen", "doxorubicin"), ("intent", "perioperative"), ("start_date", "2017-05-01"), ("end_date", "2017-08-01"))
            .Row("events", "P1", ("date", "2016-01-01"), ("kind", "local_recurrence"))
            .Row("events", "P1", ("date", "2017-04-01"), ("kind", "distant_metastasis"), ("site", "lung"), ("lesions", "2"), ("max_lesion_cm", "1.5"))
            .Row("events", "P1", ("date", "2018-01-01"), ("kind", "local_recurrence"))
            .Row("events", "P1", ("date", "2019-02-02"), ("kind", "death"), ("cause", "sarcoma"))
            .Row("followup", "P1", ("date", "2018-06-01"), ("status", "awd"));

        var result = Parse(text);

        Assert.Empty(result.Errors);
        var r = Assert.Single(result.Batch.Rows).Record;
        Assert.Equal(false, r.Tumor.MetastaticAtDiagnosis);
        Assert.Equal(new Comorbidity(SmokingStatus.Never, 24.5, 1), r.Comorbidity);
        Assert.Equal([SurgeryKind.Primary, SurgeryKind.Metastasectomy], r.Surgeries.Select(s => s.Kind));
        Assert.Equal(new Surgery(new DateOnly(2017, 6, 1), SurgeryKind.Metastasectomy, TargetSite.Lung, null, null, 2, 1.5, ClavienDindoGrade.IIIa), r.Surgeries[1]);
        Assert.Equal(2, r.Radiotherapy[0].LateToxicityGrade);
        Assert.Equal(SystemicIntent.Perioperative, Assert.Single(r.Systemic).Intent);
        Assert.Equal(2, r.Events.Count(e => e.Kind == OutcomeEventKind.LocalRecurrence));
        Assert.Equal(DeathCause.Sarcoma, r.Death!.Cause);
        Assert.Equal(new FollowUpContact(new DateOnly(2018, 6, 1), FollowUpStatus.AliveWithDisease), Assert.Single(r.FollowUps));
        Assert.Empty(result.Batch.Additions);
    }

    // Each case is one rule of the long format; the expected text is what the user reads (FILE:line N: column: problem).
    [Theory]
    [InlineData("surgeries", "date=2015-05-01|kind=primary", "surgeries.csv:line 3: kind: a second primary surgery for 'P1' (exactly one per patient; the first is line 2)")]
    [InlineData("surgeries", "date=1950-01-01|kind=re_excision", "surgeries.csv:line 3: date: 1950-01-01 is before birth_date 1960-05-01")]
    [InlineData("surgeries", "date=2015-02-01|kind=re_excision", "surgeries.csv:line 3: date: 2015-02-01 is before diagnosis_date 2015-03-01")]
    [InlineData("surgeries", "date=2016-01-01|kind=wedge", "surgeries.csv:line 3: kind: 'wedge' is not one of primary | re_excision | recurrence_resection | metastasectomy")]
    [InlineData("surgeries", "date=2016-01-01|kind=metastasectomy|lesions=0", "surgeries.csv:line 3: lesions: 0 is out of range (must be >= 1)")]
    [InlineData("surgeries", "date=2016-01-01|kind=metastasectomy|max_lesion_cm=0", "surgeries.csv:line 3: max_lesion_cm: 0 is out of range (must be > 0)")]
    [InlineData("surgeries", "date=2016-01-01|kind=metastasectomy|clavien_dindo=3a", "surgeries.csv:line 3: clavien_dindo: '3a' is not one of none | I | II | IIIa | IIIb | IVa | IVb | V")]
    [InlineData("surgeries", "date=2027-01-01|kind=re_excision", "surgeries.csv:line 3: date: 2027-01-01 is in the future (after today, 2026-12-03)")]
    [InlineData("surgeries", "date=9020-01-01|kind=re_excision", "surgeries.csv:line 3: date: 9020-01-01 is after 2200-12-31 (a typo in the year?)")]
    [InlineData("radiotherapy", "dose_gy=0|fractions=5", "radiotherapy.csv:line 2: dose_gy: 0 is out of range (must be > 0)")]
    [InlineData("radiotherapy", "dose_gy=30|fractions=0", "radiotherapy.csv:line 2: fractions: 0 is out of range (must be >= 1)")]
    [InlineData("radiotherapy", "dose_gy=30|fractions=5|late_toxicity_grade=6", "radiotherapy.csv:line 2: late_toxicity_grade: 6 is out of range (must be 0 to 5)")]
    [InlineData("radiotherapy", "dose_gy=30|fractions=5|start_date=2015-03-10|end_date=2015-03-09", "radiotherapy.csv:line 2: end_date: 2015-03-09 is before start_date 2015-03-10")]
    [InlineData("radiotherapy", "dose_gy=30|fractions=5|start_date=2015-02-10", "radiotherapy.csv:line 2: start_date: 2015-02-10 is before diagnosis_date 2015-03-01")]
    [InlineData("systemic", "start_date=2016-02-01|end_date=2016-01-01", "systemic.csv:line 2: end_date: 2016-01-01 is before start_date 2016-02-01")]
    [InlineData("systemic", "start_date=2016-02-01|intent=curative", "systemic.csv:line 2: intent: 'curative' is not one of neoadjuvant | adjuvant | perioperative | palliative")]
    [InlineData("events", "date=2015-03-30|kind=local_recurrence", "events.csv:line 2: date: 2015-03-30 is before the primary surgery on 2015-04-01")]
    [InlineData("events", "date=2016-01-01|kind=local_recurrence|cause=sarcoma", "events.csv:line 2: cause: only for a death (this row is a local_recurrence)")]
    [InlineData("events", "date=2016-01-01|kind=local_recurrence|site=lung", "events.csv:line 2: site: only for a distant_metastasis (this row is a local_recurrence)")]
    [InlineData("events", "date=2016-01-01|kind=distant_metastasis|lesions=0", "events.csv:line 2: lesions: 0 is out of range (must be >= 1)")]
    [InlineData("events", "date=2016-01-01|kind=relapse", "events.csv:line 2: kind: 'relapse' is not one of local_recurrence | distant_metastasis | death")]
    [InlineData("followup", "date=2016-01-01|status=alive", "followup.csv:line 2: status: 'alive' is not one of ned | awd | lost")]
    [InlineData("followup", "date=1959-01-01", "followup.csv:line 2: date: 1959-01-01 is before birth_date 1960-05-01")]
    public void Parse_RuleBroken_ReportsFileLineColumnAndProblem(string file, string cells, string expected)
    {
        var text = new LongText().Patient("P1").Row(file, "P1", [.. cells.Split('|').Select(c => (c[..c.IndexOf('=')], c[(c.IndexOf('=') + 1)..]))]);

        var result = Parse(text);

        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_AfterDeathAndSecondDeath_AreErrorsAtTheRowsThatBreakThem()
    {
        var text = new LongText().Patient("P1")
            .Row("events", "P1", ("date", "2018-01-01"), ("kind", "death"))
            .Row("events", "P1", ("date", "2018-02-01"), ("kind", "death"))
            .Row("followup", "P1", ("date", "2018-03-01"));

        var errors = Parse(text).Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(
            ["events.csv:line 3: kind: a second death for 'P1' (the first is line 2)", "followup.csv:line 2: date: 2018-03-01 is after the death on 2018-01-01"],
            errors);
    }

    [Fact]
    public void Parse_ExactDuplicateRow_IsAnError()
    {
        var text = new LongText().Patient("P1").Row("followup", "P1", ("date", "2016-01-01"), ("status", "ned")).Row("followup", "P1", ("date", "2016-01-01"), ("status", "ned"));

        Assert.Equal("followup.csv:line 3: (row): duplicates the follow-up contact line 2", Assert.Single(Parse(text).Errors).ToString());
    }

    [Fact]
    public void Parse_PatientWithoutPrimarySurgery_IsAnErrorOnItsPatientsRow()
    {
        var text = new LongText().Patient("P1").Row("patients", "P2", ("center", "C1"), ("sex", "M"), ("birth_date", "1960-01-01"),
            ("diagnosis_date", "2015-01-01"), ("histology", "8890/3"), ("site", "trunk"), ("grade", "2"));

        var result = Parse(text);

        Assert.Equal("patients.csv:line 3: patient_id: 'P2' has no primary surgery (a surgery of kind primary is required: it is the time origin)", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_UnknownColumnShortRowAndDuplicatePatient_AreAllListed()
    {
        var text = new LongText().Patient("P1").Patient("P1");
        var folder = Track(text.WriteFolder());
        File.WriteAllText(Path.Combine(folder, "followup.csv"), "patient_id,date,status,comment\nP1,2016-01-01\n");

        var errors = RegistryImporter.Parse(folder, Today).Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(
            ["patients.csv:line 3: patient_id: 'P1' duplicates line 2", "surgeries.csv:line 3: kind: a second primary surgery for 'P1' (exactly one per patient; the first is line 2)",
             "surgeries.csv:line 3: (row): duplicates the surgery line 2",
             "followup.csv:line 1: comment: not a column of followup", "followup.csv:line 2: (row): 2 cells but the header has 4"],
            errors);
    }

    [Fact]
    public void Parse_RowsOfPatientsNotInThePatientsFile_BecomeAdditions()
    {
        var text = new LongText().Row("followup", "P9", ("date", "2020-01-01"), ("status", "lost"));

        var result = RegistryImporter.Parse(Track(text.WriteFolder(allFiles: false)), Today);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Batch.Rows);
        var addition = Assert.Single(result.Batch.Additions);
        Assert.Equal(("P9", "followup.csv", 2), (addition.PatientId, addition.File, addition.Line));
        Assert.Equal(new FollowUpContact(new DateOnly(2020, 1, 1), FollowUpStatus.Lost), addition.Entry);
    }

    [Fact]
    public void Parse_UnknownFileInTheFolder_IsRefusedSoAMisspeltFileIsNotSkipped()
    {
        var folder = Track(new LongText().Patient("P1").WriteFolder());
        File.WriteAllText(Path.Combine(folder, "surgery.csv"), "patient_id,date,kind\n");

        var e = Assert.Throws<Sarc.Data.DataInputException>(() => RegistryImporter.Parse(folder, Today));

        Assert.Equal($"{folder}: 'surgery.csv' is not a long-format file (expected patients, surgeries, radiotherapy, systemic, events, followup)", e.Message);
    }

    [Fact]
    public void Parse_Workbook_NamesTheSheetInEveryProblem()
    {
        var text = new LongText().Patient("P1").Row("events", "P1", ("date", "2016-01-01"), ("kind", "relapse"));
        var xlsx = Track(TemplateText.TempPath(".xlsx"));
        Sarc.Registry.Template.TemplateWriter.WriteWorkbook(xlsx, [.. Sarc.Registry.LongFormat.LongFiles.All.Select(f =>
            (f.Name, f.Columns, text.Csv(f.Name).TrimEnd('\n').Split('\n').Skip(1).Select(line => line.Split(','))))]);

        var result = RegistryImporter.Parse(xlsx, Today);

        Assert.Equal("events:line 2: kind: 'relapse' is not one of local_recurrence | distant_metastasis | death", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void EntryForm_OneRowOfCells_IsReadWithTheFilesRulesAndMessages()
    {
        var file = Sarc.Registry.LongFormat.LongFiles.Surgeries;
        string[] good = ["P1", "2020-02-02", "metastasectomy", "lung", "R0", "", "3", "1.2", "II", ""];
        string[] bad = ["P1", "2020-02-02", "metastasectomy", "lung", "R0", "", "0", "1.2", "II", ""];

        var (entry, none) = Sarc.Registry.Import.EntryForm.Parse(file, good, Today, "surgery form");
        var (nothing, errors) = Sarc.Registry.Import.EntryForm.Parse(file, bad, Today, "surgery form");

        Assert.Empty(none);
        Assert.Equal(new Surgery(new DateOnly(2020, 2, 2), SurgeryKind.Metastasectomy, TargetSite.Lung, ResectionMargin.R0, null, 3, 1.2, ClavienDindoGrade.II), entry);
        Assert.Null(nothing);
        Assert.Equal("surgery form:line 2: lesions: 0 is out of range (must be >= 1)", Assert.Single(errors).ToString());
    }

    [Fact]
    public void EntryFormChange_EditsOrRemovesOneEntry_AndChecksTheWholeRecordAtTheFormsLine()
    {
        var stored = Assert.Single(Parse(new LongText().Patient("P1")
            .Row("events", "P1", ("date", "2016-01-01"), ("kind", "local_recurrence"))
            .Row("events", "P1", ("date", "2017-01-01"), ("kind", "death"), ("cause", "sarcoma"))).Batch.Rows).Record;
        var file = Sarc.Registry.LongFormat.LongFiles.Events;

        var (edited, none) = EntryForm.Change(stored, file, 0, ["P1", "2016-02-02", "local_recurrence", "", "", "", ""], Today, "event form");
        var (removed, _) = EntryForm.Change(stored, file, 1, null, Today, "event form");
        var (after, errors) = EntryForm.Change(stored, file, 0, ["P1", "2018-01-01", "local_recurrence", "", "", "", ""], Today, "event form");
        var (noPrimary, primaryErrors) = EntryForm.Change(stored, Sarc.Registry.LongFormat.LongFiles.Surgeries, 0, null, Today, "surgery form");

        Assert.Empty(none);
        Assert.Equal([new DateOnly(2016, 2, 2), new DateOnly(2017, 1, 1)], edited!.Events.Select(e => e.Date));
        Assert.Null(removed!.Death);
        Assert.Equal(stored.Surgeries, removed.Surgeries);
        Assert.Null(after);
        Assert.StartsWith("event form:line 2: ", Assert.Single(errors).ToString());
        Assert.Contains("after the death", errors[0].ToString());
        Assert.Null(noPrimary);
        Assert.Contains("primary", Assert.Single(primaryErrors).ToString());
    }

    [Fact]
    public void EntryFormChangePatient_KeepsEveryEntry_AndRefusesABirthDateAfterThem()
    {
        var stored = Assert.Single(Parse(new LongText().Patient("P1").Row("followup", "P1", ("date", "2018-06-01"), ("status", "ned"))).Batch.Rows).Record;
        var cells = Sarc.Registry.LongFormat.LongFormatWriter.RowsOf(stored, Sarc.Registry.LongFormat.LongFiles.Patients).Single();
        var columns = Sarc.Registry.LongFormat.LongFiles.Patients.Columns;

        cells[columns.ToList().IndexOf("charlson")] = "4";
        var (changed, none) = EntryForm.ChangePatient(stored, cells, Today, "patient form");
        cells[columns.ToList().IndexOf("birth_date")] = "2016-01-01";
        var (refused, errors) = EntryForm.ChangePatient(stored, cells, Today, "patient form");

        Assert.Empty(none);
        Assert.Equal(4, changed!.Comorbidity.Charlson);
        Assert.Equal(stored.FollowUps, changed.FollowUps);
        Assert.Equal(stored.Surgeries, changed.Surgeries);
        Assert.Null(refused);
        Assert.All(errors, e => Assert.StartsWith("patient form:line 2: ", e.ToString()));
        Assert.NotEmpty(errors);
    }

    public void Dispose()
    {
        foreach (var path in folders)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
    }

    private ImportParseResult Parse(LongText text) => RegistryImporter.Parse(Track(text.WriteFolder()), Today);

    private string Track(string path)
    {
        folders.Add(path);
        return path;
    }
}
