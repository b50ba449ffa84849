using Sarc.Data.Tables;
using Sarc.Registry;
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

    /// <summary>The study dataset of flat-template rows, read through the registry's import validation.</summary>
    private static DataFrame Build(params string[][] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "sarc-dataset-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, string.Join('\n', [string.Join(',', Header), .. rows.Select(r => string.Join(',', r))]) + "\n");
        try
        {
            return Sarc.Studies.Running.StudyData.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly string[] P1 = ["P1", "A", "M", "1960-01-01", "2019-10-01", "8890/3", "trunk", "deep", "6.5", "3", "2020-01-01", "R1", "2021-01-01", "former", "", "", "neoadjuvant", "50", "25", "2019-11-20", "80", "2020-03-01", "", "2021-01-01", "sarcoma"];
    private static readonly string[] P2 = ["P2", "A", "F", "1970-06-01", "2019-12-15", "9040/3", "extremity_lower", "superficial", "4", "1", "2020-01-01", "R0", "2022-01-01", "never", "22", "0", "", "", "", "", "", "", "2020-01-01", "", ""];
    private static readonly string[] P3 = ["P3", "B", "M", "1950-01-01", "2019-12-01", "8858/3", "retroperitoneum", "deep", "20", "X", "2020-01-01", "R0", "2020-12-31", "current", "", "", "", "", "", "", "", "2020-07-01", "2020-07-01", "", ""];

    private static double Num(DataFrame frame, string column, int row) => frame.Column(column).Numbers![row];

    [Fact]
    public void Build_Endpoints_CountMonthsFromSurgeryAsDaysOver30_4375()
    {
        var frame = Build(P1, P2, P3);

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
        var frame = Build(P1, P2, P3);

        Assert.Equal(1, Num(frame, "metastatic_at_diagnosis", 1));
        Assert.Equal(0, Num(frame, "dm", 1));
        // No DFS or DMFS for a patient metastatic at diagnosis (issue 13: the CLI counted an event, the study did not).
        Assert.True(double.IsNaN(Num(frame, "dfs_event", 1)));
        Assert.True(double.IsNaN(Num(frame, "dmfs_event", 1)));
        Assert.Equal(0, Num(frame, "pfs_event", 1));
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

        var frame = Build(P1, p4, P3);

        // Rows in patient_id order, as the registry holds them: P1 (LR), P3 (LR), P4 (death without LR).
        Assert.Equal(["P1", "P3", "P4"], frame.Column("patient_id").Texts!.Select(t => t!));
        Assert.Equal([1.0, 1.0, 2.0], frame.Column("lr_cr_event").Numbers!);
    }

    [Fact]
    public void Build_PostRelapse_StartsAtFirstRelapseAndNamesTheType()
    {
        var frame = Build(P1, P2, P3);

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
        var frame = Build(P1, P2, P3);

        Assert.Equal([1.0, 0.0, double.NaN], frame.Column("high_grade").Numbers!);
        Assert.Equal([1.0, 0.0, 1.0], frame.Column("ever_smoker").Numbers!);
        Assert.Equal([1.0, 0.0, 1.0], frame.Column("size_gt5").Numbers!);
        Assert.Equal(42, Num(frame, "rt_to_surgery_days", 0));
        Assert.Equal("LMS", frame.Column("histology_name").Texts![0]);
        Assert.Equal((new DateOnly(2020, 1, 1).DayNumber - new DateOnly(1960, 1, 1).DayNumber) / 365.25, Num(frame, "age", 0), 12);
    }

    [Fact]
    public void Build_LongRecord_GivesTheMetastasectomyRelapseAndTreatmentCovariates()
    {
        // P1: LR, then a lung metastasis resected (2 lesions, 2.5 cm, Clavien-Dindo IIIa) with perioperative systemic
        // therapy; worst late toxicity 2 of two courses. P2: nothing of that.
        var folder = Path.Combine(Path.GetTempPath(), "sarc-long-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name + ".csv"), text);
        Write("patients", "patient_id,center,sex,birth_date,diagnosis_date,histology,site,grade\nP1,A,M,1960-01-01,2019-12-01,8890/3,trunk,3\nP2,A,F,1970-01-01,2019-12-01,9040/3,trunk,2\n");
        Write("surgeries", "patient_id,date,kind,margin,wound_complication,lesions,max_lesion_cm,clavien_dindo\nP1,2020-01-01,primary,R0,yes,,,\nP1,2021-03-01,metastasectomy,R0,,2,2.5,IIIa\nP2,2020-01-01,primary,R1,no,,,\n");
        Write("radiotherapy", "patient_id,dose_gy,fractions,late_toxicity_grade,target\nP1,50,25,1,primary_site\nP1,30,10,2,metastasis\n");
        Write("systemic", "patient_id,start_date,intent\nP1,2021-01-15,palliative\n");
        Write("events", "patient_id,date,kind\nP1,2020-06-01,local_recurrence\nP1,2021-01-01,distant_metastasis\nP1,2021-12-01,local_recurrence\n");
        Write("followup", "patient_id,date,status\nP1,2022-01-01,awd\nP2,2022-01-01,ned\n");
        DataFrame frame;
        try
        {
            frame = Sarc.Studies.Running.StudyData.Load(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal([2.0, 0.0], frame.Column("n_lr").Numbers!);
        Assert.Equal([1.0, 0.0], frame.Column("n_metastasectomies").Numbers!);
        Assert.Equal([1.0, 0.0], frame.Column("systemic_any").Numbers!);
        Assert.Equal([1.0, 0.0], frame.Column("wound_complication").Numbers!);
        Assert.Equal([2.0, double.NaN], frame.Column("late_toxicity_grade").Numbers!);
        Assert.Equal([1.0, double.NaN], frame.Column("relapse_resected").Numbers!);
        Assert.Equal([2.0, double.NaN], frame.Column("pm_lesions").Numbers!);
        Assert.Equal([2.5, double.NaN], frame.Column("pm_max_lesion_cm").Numbers!);
        Assert.Equal([1.0, double.NaN], frame.Column("pm_clavien_major").Numbers!);
        // The palliative line started 45 days before the metastasectomy: within 90 days, so perioperative.
        Assert.Equal([1.0, double.NaN], frame.Column("pm_systemic").Numbers!);
        Assert.Equal(366 / 30.4375, Num(frame, "tfi_months", 0), 12);
        // pm-os from the metastasectomy to the last contact (alive): 2021-03-01 to 2022-01-01.
        Assert.Equal((new DateOnly(2022, 1, 1).DayNumber - new DateOnly(2021, 3, 1).DayNumber) / 30.4375, Num(frame, "pm_os_months", 0), 12);
        // pm-dfs: the LR after the metastasectomy is the event.
        Assert.Equal((new DateOnly(2021, 12, 1).DayNumber - new DateOnly(2021, 3, 1).DayNumber) / 30.4375, Num(frame, "pm_dfs_months", 0), 12);
        Assert.Equal(1, Num(frame, "pm_dfs_event", 0));
    }

    [Fact]
    public void Vocabulary_IsExactlyTheDatasetsColumns()
    {
        var frame = Build(P1);

        Assert.Equal(StudyFields.AllColumns.Order(StringComparer.Ordinal), frame.Columns.Select(c => c.Name).Order(StringComparer.Ordinal));
    }
}
