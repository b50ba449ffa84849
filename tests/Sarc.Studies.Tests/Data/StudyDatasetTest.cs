using Sarc.Data.Tables;
using Sarc.Studies.Data;

namespace Sarc.Studies.Tests.Data;

public class StudyDatasetTest
{
    // Three patients chosen so every endpoint rule shows: P1 LR then death, P2 DM at surgery (metastatic at diagnosis)
    // and alive, P3 synchronous LR and DM then censored.
    private static readonly string[] Header =
    [
        "patient_id", "center", "sex", "birth_date", "diagnosis_date", "histology", "site", "depth", "size_cm", "grade",
        "surgery_date", "margin", "last_followup_date", "smoking", "bmi", "charlson", "rt_setting", "rt_dose_gy",
        "rt_fractions", "rt_end_date", "necrosis_pct", "lr_date", "dm_date", "death_date", "death_cause",
    ];

    private static DataFrame Template(params string[][] rows)
    {
        var columns = new List<DataColumn>();
        for (var c = 0; c < Header.Length; c++)
        {
            columns.Add(new DataColumn(Header[c], ColumnKind.Text, null, rows.Select(r => r[c] == "" ? null : r[c]).ToArray()));
        }
        return new DataFrame("t.csv", columns, Enumerable.Range(2, rows.Length).ToArray());
    }

    private static readonly string[] P1 = ["P1", "A", "M", "1960-01-01", "2019-12-01", "8890/3", "trunk", "deep", "6.5", "3", "2020-01-01", "R1", "2021-01-01", "former", "", "", "neoadjuvant", "50", "25", "2019-11-20", "80", "2020-03-01", "", "2021-01-01", "sarcoma"];
    private static readonly string[] P2 = ["P2", "A", "F", "1970-06-01", "2019-12-15", "9040/3", "extremity_lower", "superficial", "4", "1", "2020-01-01", "R0", "2022-01-01", "never", "22", "0", "", "", "", "", "", "", "2020-01-01", "", ""];
    private static readonly string[] P3 = ["P3", "B", "M", "1950-01-01", "2019-12-01", "8858/3", "retroperitoneum", "deep", "20", "X", "2020-01-01", "R0", "2020-12-31", "current", "", "", "", "", "", "", "", "2020-07-01", "2020-07-01", "", ""];

    private static double Num(DataFrame frame, string column, int row) => frame.Column(column).Numbers![row];

    [Fact]
    public void Build_Endpoints_CountMonthsFromSurgeryAsDaysOver30_4375()
    {
        var frame = StudyDataset.Build(Template(P1, P2, P3));

        Assert.Equal(366 / 30.4375, Num(frame, "os_months", 0), 12);
        Assert.Equal(1, Num(frame, "os_event", 0));
        Assert.Equal(60 / 30.4375, Num(frame, "lrfs_months", 0), 12);
        Assert.Equal(60 / 30.4375, Num(frame, "dfs_months", 0), 12);
        Assert.Equal(731 / 30.4375, Num(frame, "os_months", 1), 12);
        Assert.Equal(0, Num(frame, "os_event", 1));
        Assert.Equal(182 / 30.4375, Num(frame, "dmfs_months", 2), 12);
    }

    [Fact]
    public void Build_DmOnTheDayOfSurgery_IsMetastaticAtDiagnosisNotARelapse()
    {
        var frame = StudyDataset.Build(Template(P1, P2, P3));

        Assert.Equal(1, Num(frame, "metastatic_at_diagnosis", 1));
        Assert.Equal(0, Num(frame, "dm", 1));
        Assert.Equal(0, Num(frame, "dfs_event", 1));
        Assert.True(double.IsNaN(Num(frame, "post_relapse_os_months", 1)));
    }

    [Fact]
    public void Build_CompetingLocalRecurrence_CodesLrOneDeathWithoutLrTwo()
    {
        var p4 = (string[])P2.Clone();
        p4[0] = "P4";
        p4[22] = "";
        p4[23] = "2021-01-01";
        p4[12] = "2021-01-01";

        var frame = StudyDataset.Build(Template(P1, p4, P3));

        Assert.Equal([1.0, 2.0, 1.0], frame.Column("lr_cr_event").Numbers!);
    }

    [Fact]
    public void Build_PostRelapse_StartsAtFirstRelapseAndNamesTheType()
    {
        var frame = StudyDataset.Build(Template(P1, P2, P3));

        Assert.Equal("lr", frame.Column("relapse_type").Texts![0]);
        Assert.Equal("lr+dm", frame.Column("relapse_type").Texts![2]);
        Assert.Equal((366 - 60) / 30.4375, Num(frame, "post_relapse_os_months", 0), 12);
        Assert.Equal((365 - 182) / 30.4375, Num(frame, "post_relapse_os_months", 2), 12);
        Assert.Equal(0, Num(frame, "post_relapse_os_event", 2));
        Assert.Equal(182 / 30.4375, Num(frame, "relapse_months", 2), 12);
    }

    [Fact]
    public void Build_DerivedCovariates_FollowTheDomainRules()
    {
        var frame = StudyDataset.Build(Template(P1, P2, P3));

        Assert.Equal([1.0, 0.0, double.NaN], frame.Column("high_grade").Numbers!);
        Assert.Equal([1.0, 0.0, 1.0], frame.Column("ever_smoker").Numbers!);
        Assert.Equal([1.0, 0.0, 1.0], frame.Column("size_gt5").Numbers!);
        Assert.Equal(42, Num(frame, "rt_to_surgery_days", 0));
        Assert.Equal("LMS", frame.Column("histology_name").Texts![0]);
        Assert.Equal((new DateOnly(2020, 1, 1).DayNumber - new DateOnly(1960, 1, 1).DayNumber) / 365.25, Num(frame, "age", 0), 12);
    }

    [Fact]
    public void Build_Supplement_JoinsOnPatientIdAndLeavesOthersMissing()
    {
        var supplement = new DataFrame("s.csv",
        [
            new DataColumn("patient_id", ColumnKind.Text, null, ["P3"]),
            new DataColumn("pm_lesion_cm", ColumnKind.Numeric, [2.5], null),
            new DataColumn("clavien_dindo", ColumnKind.Text, null, ["IIIa"]),
        ], [2]);

        var frame = StudyDataset.Build(Template(P1, P2, P3), supplement);

        Assert.Equal([double.NaN, double.NaN, 1.0], frame.Column("pm_lesion_gt2").Numbers!);
        Assert.Equal([double.NaN, double.NaN, 1.0], frame.Column("clavien_major").Numbers!);
    }

    [Fact]
    public void Build_SupplementWithUnknownPatient_IsAUserErrorNamingTheLine()
    {
        var supplement = new DataFrame("s.csv", [new DataColumn("patient_id", ColumnKind.Text, null, ["P9"])], [7]);

        var error = Assert.Throws<Sarc.Data.DataInputException>(() => StudyDataset.Build(Template(P1), supplement));

        Assert.Equal("s.csv:7: patient_id 'P9' is not in the registry", error.Message);
    }
}
