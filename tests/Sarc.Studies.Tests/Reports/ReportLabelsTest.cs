using Sarc.Studies.Definitions;
using Sarc.Studies.Reports;

namespace Sarc.Studies.Tests.Reports;

public class ReportLabelsTest
{
    private static readonly ReportLabels Labels = new([
        new Derivation("necrosis_high", "necrosis_pct", ">=", 75, 12),
        new Derivation("older", "age", ">", 65, 13),
        new Derivation("comorbid", "charlson", ">=", 2, 14),
    ]);

    [Fact]
    public void Name_KnownColumn_ReadsAsAJournalTable() =>
        Assert.Equal(["Tumour size, cm", "FNCLCC grade", "Age at surgery, years"], new[] { "size_cm", "grade", "age" }.Select(Labels.Name));

    [Fact]
    public void Name_DerivedGrouping_IsItsConditionInWordsWithTheUnitAfterTheThreshold() =>
        Assert.Equal(["Necrosis ≥ 75%", "Age at surgery > 65 years", "Charlson comorbidity index ≥ 2"], new[] { "necrosis_high", "older", "comorbid" }.Select(Labels.Name));

    [Fact]
    public void Name_UnknownColumn_KeepsTheName() => Assert.Equal("my_score", Labels.Name("my_score"));

    [Fact]
    public void Group_YesNoColumns_SayNoAndYes_OtherLevelsStay()
    {
        Assert.Equal("High grade (G2–3): yes", Labels.Group("high_grade", "1"));
        Assert.Equal("Necrosis ≥ 75%: no", Labels.Group("necrosis_high", "0"));
        Assert.Equal("FNCLCC grade: 1", Labels.Group("grade", "1"));
        Assert.Equal("1", Labels.Level("charlson", "1"));
        Assert.Equal("Type of first relapse: both on one day", Labels.Group("relapse_type", "lr+dm"));
    }

    [Fact]
    public void Term_FactorLevelAndNumericTerm_ReadAsWords()
    {
        Assert.Equal("Histology: SyS", Labels.Term("histology_nameSyS", ["histology_name"]));
        Assert.Equal("High grade (G2–3)", Labels.Term("high_grade", ["histology_name"]));
        Assert.Equal("Local recurrence", Labels.Term("lr", []));
    }

    [Fact]
    public void Term_Interaction_JoinsItsPartsInWords() =>
        Assert.Equal("Necrosis ≥ 75% × Histology: SyS", Labels.Term("necrosis_high:histology_nameSyS", ["histology_name"]));
}
