using Sarc.Registry.Domain;
using Sarc.Registry.Template;

namespace Sarc.Registry.Tests.Template;

public class TemplateParserTest
{
    [Fact]
    public void Parse_ValidRow_BuildsEveryPartOfTheRecord()
    {
        var result = TemplateText.Parse(new TemplateText().Add("P1", ("lr_date", "2017-01-02"), ("dm_date", "2018-02-03"),
            ("death_date", "2019-03-04"), ("death_cause", "sarcoma"), ("last_followup_date", "2019-03-04")).Csv());

        Assert.Empty(result.Errors);
        var r = Assert.Single(result.Rows).Record;
        Assert.Equal(new Patient("P1", "C1", Sex.Female, new DateOnly(1960, 5, 1)), r.Patient);
        Assert.Equal(new PrimaryTumor(new DateOnly(2015, 3, 1), "8890/3", TumorSite.ExtremityLower, TumorDepth.Deep, 7.5, FnclccGrade.G3), r.Tumor);
        Assert.Equal(new Surgery(new DateOnly(2015, 4, 1), SurgeryKind.Primary, Margin: ResectionMargin.R0, NecrosisPct: 80), Assert.Single(r.Surgeries));
        Assert.Equal(new RadiotherapyCourse(RadiotherapySetting.Neoadjuvant, 50, 25, new DateOnly(2015, 3, 20)), Assert.Single(r.Radiotherapy));
        Assert.Equal(new Comorbidity(SmokingStatus.Former, 27.3, 2), r.Comorbidity);
        Assert.Equal(new OutcomeEvent(OutcomeEventKind.Death, new DateOnly(2019, 3, 4), DeathCause.Sarcoma), r.First(OutcomeEventKind.Death));
        Assert.Equal(new DateOnly(2017, 1, 2), r.First(OutcomeEventKind.LocalRecurrence)!.Date);
        Assert.Equal(new DateOnly(2018, 2, 3), r.First(OutcomeEventKind.DistantMetastasis)!.Date);
        // A patient who died has no follow-up contact: the last follow-up is the death.
        Assert.Empty(r.FollowUps);
        Assert.Equal(new DateOnly(2019, 3, 4), r.LastContact);
        Assert.Equal(2, Assert.Single(result.Rows).Line);
    }

    [Fact]
    public void Parse_OnlyRequiredColumnsInAnotherOrder_LeavesTheRestUnknown()
    {
        string[] columns = ["margin", "patient_id", "grade", "center", "sex", "birth_date", "diagnosis_date", "histology", "site", "surgery_date", "last_followup_date"];
        var result = TemplateText.Parse(new TemplateText().Add("P1").Csv(columns));

        Assert.Empty(result.Errors);
        var r = Assert.Single(result.Rows).Record;
        Assert.Null(r.Tumor.SizeCm);
        Assert.Null(r.Tumor.Depth);
        Assert.Empty(r.Radiotherapy);
        Assert.Empty(r.Events);
        Assert.Equal(Comorbidity.None, r.Comorbidity);
        Assert.Null(r.PrimarySurgery.NecrosisPct);
        Assert.Equal(new FollowUpContact(new DateOnly(2020, 4, 1), null), Assert.Single(r.FollowUps));
        Assert.Equal(ResectionMargin.R0, r.PrimarySurgery.Margin);
    }

    [Fact]
    public void Parse_UnknownAndMissingColumns_NamesEachOnLineOne()
    {
        var columns = TemplateColumns.Names.Where(c => c != "grade").Append("Size_cm").Append("comment").ToList();
        var result = TemplateText.Parse(new TemplateText().Add("P1").Csv(columns));

        Assert.Empty(result.Rows);
        Assert.Equal(
            ["line 1: Size_cm: not a template column (did you mean 'size_cm'?)", "line 1: comment: not a template column", "line 1: grade: required column missing"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_HeaderProblem_RowsAreStillCheckedSoOneRunListsEverything()
    {
        var columns = TemplateColumns.Names.Where(c => c != "grade").Append("comment").ToList();
        var result = TemplateText.Parse(new TemplateText().Add("P1").Add("P2", ("bmi", "99")).Csv(columns));

        Assert.Equal(
            ["line 1: comment: not a template column", "line 1: grade: required column missing", "line 3: bmi: 99 is out of range (must be between 10 and 80)"],
            result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_ColumnTwice_IsAnError()
    {
        var columns = TemplateColumns.Names.Append("bmi").ToList();
        var result = TemplateText.Parse(new TemplateText().Add("P1").Csv(columns));

        Assert.Equal("line 1: bmi: appears twice (columns 15 and 26)", Assert.Single(result.Errors).ToString());
    }

    // Each case is one rule of the template; the expected text is what the user reads.
    [Theory]
    [InlineData("patient_id", "", "patient_id: required value missing")]
    [InlineData("center", " ", "center: required value missing")]
    [InlineData("sex", "female", "sex: 'female' is not one of M | F")]
    [InlineData("birth_date", "01/05/1960", "birth_date: '01/05/1960' is not a date YYYY-MM-DD")]
    [InlineData("birth_date", "1960-02-30", "birth_date: '1960-02-30' is not a date YYYY-MM-DD")]
    [InlineData("histology", "8890", "histology: '8890' is not an ICD-O-3 morphology code like 8890/3")]
    [InlineData("site", "leg", "site: 'leg' is not one of extremity_lower | extremity_upper | trunk | retroperitoneum | head_neck | visceral")]
    [InlineData("depth", "Deep", "depth: 'Deep' is not one of superficial | deep")]
    [InlineData("size_cm", "0", "size_cm: 0 is out of range (must be > 0)")]
    [InlineData("size_cm", "-3", "size_cm: -3 is out of range (must be > 0)")]
    [InlineData("size_cm", "7.5.1", "size_cm: '7.5.1' is not a number")]
    [InlineData("size_cm", "NaN", "size_cm: 'NaN' is not a number")]
    [InlineData("grade", "4", "grade: '4' is not one of 1 | 2 | 3 | X")]
    [InlineData("margin", "R3", "margin: 'R3' is not one of R0 | R1 | R2 | RX")]
    [InlineData("smoking", "yes", "smoking: 'yes' is not one of never | former | current")]
    [InlineData("bmi", "9.99", "bmi: 9.99 is out of range (must be between 10 and 80)")]
    [InlineData("bmi", "80.1", "bmi: 80.1 is out of range (must be between 10 and 80)")]
    [InlineData("charlson", "38", "charlson: 38 is out of range (must be 0 to 37)")]
    [InlineData("charlson", "1.5", "charlson: '1.5' is not a whole number")]
    [InlineData("rt_setting", "curative", "rt_setting: 'curative' is not one of neoadjuvant | adjuvant | definitive | palliative")]
    [InlineData("rt_fractions", "0", "rt_fractions: 0 is out of range (must be >= 1)")]
    [InlineData("rt_fractions", "", "rt_fractions: required when rt_dose_gy or rt_fractions is given (EQD2 needs both)")]
    [InlineData("necrosis_pct", "100.5", "necrosis_pct: 100.5 is out of range (must be between 0 and 100)")]
    [InlineData("necrosis_pct", "-1", "necrosis_pct: -1 is out of range (must be between 0 and 100)")]
    [InlineData("death_cause", "sarcoma", "death_cause: given without death_date")]
    [InlineData("diagnosis_date", "1960-05-01", "diagnosis_date: 1960-05-01 is not after birth_date 1960-05-01")]
    [InlineData("surgery_date", "2015-02-28", "surgery_date: 2015-02-28 is before diagnosis_date 2015-03-01")]
    [InlineData("lr_date", "2015-03-31", "lr_date: 2015-03-31 is before surgery_date 2015-04-01")]
    [InlineData("dm_date", "2015-03-31", "dm_date: 2015-03-31 is before surgery_date 2015-04-01")]
    [InlineData("last_followup_date", "2015-03-31", "last_followup_date: 2015-03-31 is before surgery_date 2015-04-01")]
    [InlineData("lr_date", "2020-04-02", "lr_date: 2020-04-02 is after last_followup_date 2020-04-01")]
    [InlineData("rt_end_date", "2015-02-01", "rt_end_date: 2015-02-01 is before diagnosis_date 2015-03-01")]
    public void Parse_InvalidCell_ReportsLineColumnAndProblem(string column, string value, string expected)
    {
        var result = TemplateText.Parse(new TemplateText().Add("P1").Add("P2", (column, value)).Csv());

        Assert.Equal("line 3: " + expected, Assert.Single(result.Errors).ToString());
        Assert.Equal("P1", Assert.Single(result.Rows).Record.Id);
    }

    [Theory]
    [InlineData("lr_date", "2019-01-02", "lr_date: 2019-01-02 is after death_date 2019-01-01")]
    [InlineData("dm_date", "2019-01-02", "dm_date: 2019-01-02 is after death_date 2019-01-01")]
    [InlineData("last_followup_date", "2019-06-01", "last_followup_date: 2019-06-01 must equal death_date 2019-01-01 for a patient who died")]
    [InlineData("death_date", "2015-03-01", "death_date: 2015-03-01 is before surgery_date 2015-04-01")]
    public void Parse_NothingAfterDeath(string column, string value, string expected)
    {
        var result = TemplateText.Parse(new TemplateText()
            .Add("P1", ("death_date", "2019-01-01"), ("last_followup_date", "2019-01-01"), (column, value)).Csv());

        Assert.Contains("line 2: " + expected, result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_DeathOnSurgeryDayWithEventsThatDay_IsValid()
    {
        // Equal dates are allowed everywhere except birth = diagnosis: "not before" and "not after" are inclusive.
        var result = TemplateText.Parse(new TemplateText().Add("P1", ("diagnosis_date", "2015-04-01"), ("lr_date", "2015-04-01"),
            ("dm_date", "2015-04-01"), ("death_date", "2015-04-01"), ("last_followup_date", "2015-04-01"), ("rt_setting", ""), ("rt_dose_gy", ""),
            ("rt_fractions", ""), ("rt_end_date", "")).Csv());

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_ManyBadRows_ListsEveryProblemNotOnlyTheFirst()
    {
        var text = new TemplateText().Add("P1", ("grade", "4"), ("bmi", "5")).Add("P2").Add("P3", ("sex", "x")).Add("P2").Csv();
        var result = TemplateText.Parse(text);

        Assert.Equal(
            ["line 2: grade: '4' is not one of 1 | 2 | 3 | X", "line 2: bmi: 5 is out of range (must be between 10 and 80)",
             "line 4: sex: 'x' is not one of M | F", "line 5: patient_id: 'P2' duplicates line 3"],
            result.Errors.Select(e => e.ToString()));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_CellsAreTrimmedAndQuotedCommasKept()
    {
        var text = new TemplateText().Add("P1", ("center", "\"Milan, INT\""), ("grade", " 2 ")).Csv();
        var r = Assert.Single(TemplateText.Parse(text).Rows).Record;

        Assert.Equal("Milan, INT", r.Patient.Center);
        Assert.Equal(FnclccGrade.G2, r.Tumor.Grade);
    }

    [Fact]
    public void Parse_RowWithMoreCellsThanHeader_IsAnError()
    {
        var text = new TemplateText().Add("P1").Csv() + "P9" + new string(',', 26) + "extra\n";
        var result = TemplateText.Parse(text);

        Assert.Equal("line 3: (row): 27 cells but the header has 25", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Parse_RowWithFewerCellsThanHeader_IsAnErrorNotPaddedSilently()
    {
        // A short row used to be padded with empty cells: its death and metastasis dates vanished without a word.
        var full = new TemplateText().Add("P1").Csv();
        var lines = full.Split('\n');
        var shortRow = string.Join(',', lines[1].Split(',').Take(22));
        var result = TemplateText.Parse(full + shortRow + "\n");

        Assert.Equal("line 3: (row): 22 cells but the header has 25", Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData("2026-12-04", "lr_date: 2026-12-04 is in the future (after today, 2026-12-03)")]
    [InlineData("9020-01-01", "lr_date: 9020-01-01 is after 2200-12-31 (a typo in the year?)")]
    public void Parse_DateAfterTodayOrAfter2200_IsRefused(string date, string expected)
    {
        var path = TemplateText.WriteTemp(new TemplateText().Add("P1", ("lr_date", date), ("last_followup_date", date)).Csv());
        try
        {
            var result = TemplateParser.ParseFile(path, asOf: new DateOnly(2026, 12, 3));

            Assert.Contains("line 2: " + expected, result.Errors.Select(e => e.ToString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_FormulaLikeCellsNeutralisedByTheExport_ReadBackUnchanged()
    {
        // The export writes '=x for =x (and ''y for 'y) so that no spreadsheet runs it; the import undoes exactly that.
        var text = new TemplateText().Add("'=HYPERLINK(1)", ("center", "''@home")).Csv();
        var r = Assert.Single(TemplateText.Parse(text).Rows).Record;

        Assert.Equal("=HYPERLINK(1)", r.Id);
        Assert.Equal("'@home", r.Patient.Center);
        var written = new StringWriter();
        TemplateWriter.WriteCsv([r], written);
        Assert.StartsWith("'=HYPERLINK(1),''@home,F,", written.ToString().Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyFile_IsAUserError()
    {
        var path = TemplateText.WriteTemp("");
        var e = Assert.Throws<Sarc.Data.DataInputException>(() => TemplateParser.ParseFile(path));
        File.Delete(path);
        Assert.Equal($"{path}: empty file; a header row is required", e.Message);
    }

    [Fact]
    public void Parse_MissingFile_IsAUserErrorNamingIt()
    {
        var e = Assert.Throws<Sarc.Data.DataInputException>(() => TemplateParser.ParseFile("/nonexistent/x.csv"));
        Assert.Equal("/nonexistent/x.csv: file not found", e.Message);
    }
}
