using Sarc.Interop.Redcap;
using Sarc.Registry.LongFormat;
using Sarc.Testing;
using R = Sarc.Registry.Codes.RegistryCodes;

namespace Sarc.Interop.Tests.Redcap;

public sealed class SarcRedcapProjectTest
{
    [Fact]
    public void CommittedDictionary_EqualsTheOneGeneratedFromTheCodeTables() =>
        Assert.Equal(SarcRedcapProject.Dictionary.ToString(), File.ReadAllText(Fixture.PathOf("interop", "redcap", "sarc_data_dictionary.csv")));

    [Fact]
    public void CommittedRepeatingInstruments_EqualTheGeneratedList() =>
        Assert.Equal(SarcRedcapProject.RepeatingInstrumentsCsv(), File.ReadAllText(Fixture.PathOf("interop", "redcap", "repeating_instruments.csv")));

    [Fact]
    public void Dictionary_HasREDCapsEighteenHeadersAndRecordIdFirst()
    {
        var lines = SarcRedcapProject.Dictionary.ToString().Split('\n');

        // REDCap's data dictionary download, header row as REDCap writes it.
        Assert.Equal(
            "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation",
            lines[0]);
        Assert.StartsWith("record_id,patient,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Instruments_AreOnePerLongFileWithEveryColumnOnce()
    {
        Assert.Equal(LongFiles.All, SarcRedcapProject.Instruments.Select(i => i.File));
        foreach (var instrument in SarcRedcapProject.Instruments)
        {
            Assert.Equal(instrument.File.Columns.Skip(1), instrument.Fields.Select(f => f.Column));
            Assert.Equal(instrument.File != LongFiles.Patients, instrument.Repeating);
        }
        var names = SarcRedcapProject.Dictionary.Fields.Select(f => f.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9_]{0,25}$", n));
    }

    [Fact]
    public void Choices_AreTheCodeTablesInOrder()
    {
        var margin = SarcRedcapProject.Dictionary.Field("surg_margin")!;
        Assert.Equal("radio", margin.Type);
        Assert.Equal(R.Margin.Codes.Count, margin.ChoiceList.Count);
        for (var i = 0; i < R.Margin.Codes.Count; i++)
        {
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), margin.ChoiceList[i].Code);
            Assert.StartsWith(R.Margin.Codes[i], margin.ChoiceList[i].Label, StringComparison.Ordinal);
        }
        Assert.Equal("1, R0 (microscopically negative) | 2, R1 (microscopic residual) | 3, R2 (macroscopic residual) | 4, RX (unknown)", margin.Choices);
        Assert.Equal(R.Site.Codes.Count, SarcRedcapProject.Dictionary.Field("site")!.ChoiceList.Count);
        Assert.Equal("yesno", SarcRedcapProject.Dictionary.Field("surg_wound_complication")!.Type);
    }

    [Fact]
    public void DatesAndRanges_AreREDCapValidations()
    {
        var d = SarcRedcapProject.Dictionary;
        Assert.All(d.Fields.Where(f => f.Name.EndsWith("date", StringComparison.Ordinal)), f => Assert.Equal("date_ymd", f.Validation));
        Assert.Equal(("number", "10", "80"), (d.Field("bmi")!.Validation, d.Field("bmi")!.Min, d.Field("bmi")!.Max));
        Assert.Equal(("integer", "0", "5"), (d.Field("rt_late_toxicity_grade")!.Validation, d.Field("rt_late_toxicity_grade")!.Min, d.Field("rt_late_toxicity_grade")!.Max));
        Assert.Equal("y", d.Field("birth_date")!.Identifier);
        Assert.Equal("[event_kind] = '3'", d.Field("event_cause")!.BranchingLogic);
    }

    [Fact]
    public void Dictionary_ReadsBackFieldForField()
    {
        var read = RedcapDictionary.Parse(SarcRedcapProject.Dictionary.ToString(), "dd.csv");

        Assert.Equal(SarcRedcapProject.Dictionary.Fields, read.Fields);
    }

    [Fact]
    public void RecordColumns_PutTheRepeatColumnsAfterTheIdAndACompleteColumnAfterEachInstrument()
    {
        var columns = SarcRedcapProject.Dictionary.RecordColumns().ToList();

        Assert.Equal(["record_id", "redcap_repeat_instrument", "redcap_repeat_instance", "center"], columns.Take(4));
        Assert.Equal("follow_up_complete", columns[^1]);
        Assert.Equal(columns.IndexOf("charlson") + 1, columns.IndexOf("patient_complete"));
    }
}
