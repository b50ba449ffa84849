using System.Globalization;
using System.Text.Json;
using Sarc.Data;
using Sarc.Registry.Domain;
using Sarc.Registry.Endpoints;
using Sarc.Testing;

namespace Sarc.Registry.Tests.Endpoints;

public class EndpointEngineTest
{
    private static readonly Lazy<IReadOnlyList<PatientRecord>> Synthetic = new(() =>
    {
        var parsed = RegistryImporter.Parse(Fixture.PathOf("validation", "data", "registry_long"), new DateOnly(2026, 1, 1));
        Assert.Empty(parsed.Errors);
        return parsed.Batch.Rows.Select(r => r.Record).ToList();
    });

    private static readonly Lazy<JsonElement> Reference = new(() => Fixture.Reference("registry_endpoints"));

    [Theory]
    [InlineData(EndpointKind.OverallSurvival, "event")]
    [InlineData(EndpointKind.DiseaseFreeSurvival, "event")]
    [InlineData(EndpointKind.LocalRecurrenceFree, "event")]
    [InlineData(EndpointKind.DistantMetastasisFree, "event")]
    [InlineData(EndpointKind.ProgressionFreeSurvival, "event")]
    [InlineData(EndpointKind.LocalRecurrenceCompetingRisks, "status")]
    [InlineData(EndpointKind.DistantMetastasisCompetingRisks, "status")]
    [InlineData(EndpointKind.PostRelapseSurvival, "event")]
    [InlineData(EndpointKind.PostMetastasectomyDiseaseFree, "event")]
    [InlineData(EndpointKind.PostMetastasectomySurvival, "event")]
    [InlineData(EndpointKind.SystemicTherapyFreeSurvival, "event")]
    public void Table_SyntheticLongRegistry_MatchesR(EndpointKind kind, string statusColumn)
    {
        var table = EndpointEngine.Table(Synthetic.Value, kind);
        var reference = Reference.Value.GetProperty(EndpointNames.NameOf(kind));

        var ids = Strings(reference.GetProperty("patient_id"));
        var times = Fixture.Numbers(reference.GetProperty("time"));
        var status = Fixture.Numbers(reference.GetProperty(statusColumn));
        Assert.Equal(ids, table.Rows.Select(r => r[0]));
        for (var i = 0; i < ids.Count; i++)
        {
            var row = table.Rows[i];
            AssertNear.Relative(times[i], Number(row[table.IndexOf("time")]), Tolerance.Estimate, $"{ids[i]} time");
            Assert.Equal(status[i], Number(row[table.IndexOf(statusColumn)]));
        }
        if (kind == EndpointKind.PostRelapseSurvival)
        {
            Assert.Equal(Strings(reference.GetProperty("relapse_type")), table.Rows.Select(r => r[table.IndexOf("relapse_type")]));
            var months = Fixture.Numbers(reference.GetProperty("relapse_months"));
            for (var i = 0; i < ids.Count; i++)
            {
                AssertNear.Relative(months[i], Number(table.Rows[i][table.IndexOf("relapse_months")]), Tolerance.Estimate, $"{ids[i]} relapse_months");
            }
        }
    }

    [Fact]
    public void Table_Multistate_MatchesRAndIsAcceptedBySurvfit()
    {
        var table = EndpointEngine.Table(Synthetic.Value, EndpointKind.Multistate);
        var reference = Reference.Value.GetProperty("multistate");

        var ids = Strings(reference.GetProperty("patient_id"));
        Assert.Equal(ids, table.Rows.Select(r => r[0]));
        var start = Fixture.Numbers(reference.GetProperty("start"));
        var stop = Fixture.Numbers(reference.GetProperty("stop"));
        var from = Strings(reference.GetProperty("from"));
        var entered = Strings(reference.GetProperty("event"));
        Assert.Equal(["patient_id", "start", "stop", "from", "event"], table.Columns.Take(5));
        for (var i = 0; i < ids.Count; i++)
        {
            var row = table.Rows[i];
            AssertNear.Relative(start[i], Number(row[1]), Tolerance.Estimate, $"{ids[i]} start");
            AssertNear.Relative(stop[i], Number(row[2]), Tolerance.Estimate, $"{ids[i]} stop");
            Assert.Equal((from[i], entered[i]), (row[3], row[4]));
        }
    }

    [Fact]
    public void Table_Covariates_MatchR()
    {
        var table = EndpointEngine.Table(Synthetic.Value, EndpointKind.OverallSurvival);
        var reference = Reference.Value.GetProperty("covariates");
        var checkedColumns = 0;
        foreach (var column in reference.EnumerateObject().Where(c => c.Name != "patient_id"))
        {
            var index = table.IndexOf(column.Name);
            var values = column.Value.EnumerateArray().ToList();
            Assert.Equal(table.Rows.Count, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var cell = table.Rows[i][index];
                var label = $"{table.Rows[i][0]} {column.Name}";
                if (values[i].ValueKind == JsonValueKind.String)
                {
                    Assert.Equal(values[i].GetString(), cell);
                }
                else if (values[i].ValueKind == JsonValueKind.Null)
                {
                    Assert.True(cell.Length == 0, $"{label}: expected missing, got '{cell}'");
                }
                else
                {
                    AssertNear.Relative(values[i].GetDouble(), Number(cell), Tolerance.Estimate, label);
                }
            }
            checkedColumns++;
        }
        Assert.True(checkedColumns >= 20, $"only {checkedColumns} covariates in the fixture");
    }

    [Fact]
    public void Table_TinyCohort_HandComputedMonths()
    {
        // Surgery 2020-01-01; LR day 60, DM day 91, death day 121: each endpoint picks its own date.
        var records = Records(new TemplateText().Add("A", ("surgery_date", "2020-01-01"), ("diagnosis_date", "2019-12-01"),
            ("rt_end_date", "2019-12-20"), ("lr_date", "2020-03-01"), ("dm_date", "2020-04-01"), ("death_date", "2020-05-01"),
            ("last_followup_date", "2020-05-01")));

        Assert.Equal(Months(121), Time(records, EndpointKind.OverallSurvival));
        Assert.Equal(Months(60), Time(records, EndpointKind.DiseaseFreeSurvival));
        Assert.Equal(Months(60), Time(records, EndpointKind.LocalRecurrenceFree));
        Assert.Equal(Months(91), Time(records, EndpointKind.DistantMetastasisFree));
        Assert.Equal(Months(121 - 60), Time(records, EndpointKind.PostRelapseSurvival));
        var ms = EndpointEngine.Table(records, EndpointKind.Multistate);
        Assert.Equal(["entry>lr", "lr>dm", "dm>death"], ms.Rows.Select(r => r[3] + ">" + r[4]));
        Assert.Equal(Months(91).ToString("R", CultureInfo.InvariantCulture), ms.Rows[1][2]);
    }

    [Fact]
    public void Table_CompetingRisks_LrSameDayAsDeathIsLr_DeathWithoutLrIsTwo_AliveIsZero()
    {
        var records = Records(new TemplateText()
            .Add("A", ("lr_date", "2016-01-01"), ("death_date", "2016-01-01"), ("last_followup_date", "2016-01-01"))
            .Add("B", ("death_date", "2017-01-01"), ("last_followup_date", "2017-01-01"))
            .Add("C"));

        var table = EndpointEngine.Table(records, EndpointKind.LocalRecurrenceCompetingRisks);

        Assert.Equal(["1", "2", "0"], table.Rows.Select(r => r[2]));
    }

    [Fact]
    public void Table_NoEventsAtAll_EveryoneCensoredAtLastContact()
    {
        var records = Records(new TemplateText().Add("A").Add("B", ("last_followup_date", "2015-04-01")));

        var table = EndpointEngine.Table(records, EndpointKind.DiseaseFreeSurvival);

        Assert.Equal([("0", Months(1827)), ("0", 0.0)], table.Rows.Select(r => (r[2], Number(r[1]))));
        Assert.Empty(EndpointEngine.Table(records, EndpointKind.PostRelapseSurvival).Rows);
        var ms = EndpointEngine.Table(records, EndpointKind.Multistate);
        Assert.Single(ms.Rows);
        Assert.Equal("1 patient left out: last follow-up on the day of surgery (B)", Assert.Single(ms.Warnings));
    }

    [Fact]
    public void Table_MetastaticAtDiagnosis_HasNoDfsDmfsOrPath_CountedWithTheReason_KeepsTheOthers()
    {
        // A DM on the day of the primary surgery is disease present at diagnosis, not a relapse.
        var records = Records(new TemplateText().Add("M1", ("dm_date", "2015-04-01")).Add("M0", ("dm_date", "2016-01-01")));

        foreach (var kind in new[] { EndpointKind.DiseaseFreeSurvival, EndpointKind.DistantMetastasisFree, EndpointKind.DistantMetastasisCompetingRisks, EndpointKind.Multistate })
        {
            var table = EndpointEngine.Table(records, kind);
            Assert.DoesNotContain(table.Rows, r => r[0] == "M1");
            Assert.Equal("1 patient left out: metastatic at diagnosis (M1)", Assert.Single(table.Warnings));
        }
        foreach (var kind in new[] { EndpointKind.OverallSurvival, EndpointKind.LocalRecurrenceFree, EndpointKind.ProgressionFreeSurvival, EndpointKind.LocalRecurrenceCompetingRisks })
        {
            Assert.Equal(["M1", "M0"], EndpointEngine.Table(records, kind).Rows.Select(r => r[0]));
        }
    }

    [Fact]
    public void Table_Multistate_LrAfterDmIsIgnored_SameDayGoesToFurthestState_EventAtSurgeryLeftOut()
    {
        var records = Records(new TemplateText()
            .Add("A", ("dm_date", "2016-01-01"), ("lr_date", "2016-06-01"))
            .Add("B", ("lr_date", "2016-01-01"), ("dm_date", "2016-01-01"))
            .Add("C", ("lr_date", "2015-04-01")));

        var table = EndpointEngine.Table(records, EndpointKind.Multistate);

        // The event column is the state entered, empty = censored: what sarc multistate reads.
        Assert.Equal(
            ["A:entry>dm", "A:dm>", "B:entry>dm", "B:dm>"],
            table.Rows.Select(r => $"{r[0]}:{r[3]}>{r[4]}"));
        // Every path starts in entry, so an LR on the day of surgery cannot be represented.
        Assert.Equal("1 patient left out: LR recorded on the day of surgery (every path starts in entry) (C)", Assert.Single(table.Warnings));
    }

    [Fact]
    public void Table_SystemicTherapyFree_NextLineAfterSurgeryOrDeath_NoneWithAdjuvantIntent()
    {
        // Surgery 2015-04-01 (day 0). A: a line before the surgery does not count, the next starts on day 61. B: death on
        // day 91 without a later line. C: a line on the surgery's day is not after it; censored at the last contact.
        // D: planned adjuvant therapy, left out.
        var text = new LongText()
            .Patient("A").Row("systemic", "A", ("intent", "neoadjuvant"), ("start_date", "2015-03-05"), ("end_date", "2015-03-20"))
            .Row("systemic", "A", ("intent", "palliative"), ("start_date", "2015-06-01"))
            .Patient("B").Row("events", "B", ("date", "2015-07-01"), ("kind", "death"), ("cause", "sarcoma"))
            .Patient("C").Row("systemic", "C", ("intent", "palliative"), ("start_date", "2015-04-01"), ("end_date", "2015-05-01"))
            .Row("followup", "C", ("date", "2015-10-01"), ("status", "ned"))
            .Patient("D").Row("systemic", "D", ("intent", "adjuvant"), ("start_date", "2015-05-01"));
        var parsed = RegistryImporter.Parse(text.WriteFolder(), new DateOnly(2026, 1, 1));
        Assert.Empty(parsed.Errors);

        var table = EndpointEngine.Table([.. parsed.Batch.Rows.Select(r => r.Record)], EndpointKind.SystemicTherapyFreeSurvival);

        Assert.Equal([("A", Months(61), "1"), ("B", Months(91), "1"), ("C", Months(183), "0")],
            table.Rows.Select(r => (r[0], Number(r[1]), r[2])));
        Assert.Equal("1 patient left out: adjuvant systemic therapy planned (D)", Assert.Single(table.Warnings));
    }

    [Fact]
    public void Table_RowOrderOfRecords_IsKept()
    {
        var records = Records(new TemplateText().Add("Z").Add("A"));
        Assert.Equal(["Z", "A"], EndpointEngine.Table(records, EndpointKind.OverallSurvival).Rows.Select(r => r[0]));
    }

    [Fact]
    public void Table_Covariates_EmptyWhenUnknown()
    {
        var records = Records(new TemplateText().Add("A", ("size_cm", ""), ("rt_setting", ""), ("rt_dose_gy", ""), ("rt_fractions", ""),
            ("rt_end_date", ""), ("bmi", ""), ("histology", "8000/3")));
        var table = EndpointEngine.Table(records, EndpointKind.OverallSurvival);
        var row = table.Rows[0];

        foreach (var column in new[] { "size_cm", "rt_dose_gy", "rt_fractions", "eqd2", "bmi", "ajcc_stage", "pm_lesions", "relapse_type" })
        {
            Assert.Equal("", row[table.IndexOf(column)]);
        }
        Assert.Equal("TX", row[table.IndexOf("ajcc_t")]);
        // A code without a short name stands for itself, so every patient falls in a histology group.
        Assert.Equal("8000/3", row[table.IndexOf("histology_name")]);
    }

    [Fact]
    public void Table_DistantMetastasisAtSurgery_IsStageIV_LaterMetastasisIsNot()
    {
        var records = Records(new TemplateText()
            .Add("AtSurgery", ("dm_date", "2015-04-01"))
            .Add("Later", ("dm_date", "2016-01-01"))
            .Add("None"));

        var table = EndpointEngine.Table(records, EndpointKind.OverallSurvival);

        // 7.5 cm (T2), grade 3: IIIA unless M1 at diagnosis.
        Assert.Equal(["IV", "IIIA", "IIIA"], table.Rows.Select(r => r[table.IndexOf("ajcc_stage")]));
        Assert.Equal([true, false, false], records.Select(r => r.MetastaticAtDiagnosis));
    }

    [Fact]
    public void Dataset_HasTheSameEventsAsEveryTable()
    {
        // One derivation for both: every single-row endpoint of the study dataset equals the CLI table's, patient by
        // patient, and a patient without the endpoint is missing in one and absent from the other.
        var records = Synthetic.Value;
        var dataset = EndpointEngine.Dataset(records, "synthetic");
        var ids = dataset.Column("patient_id").Texts!;
        foreach (var kind in EndpointNames.SingleRow)
        {
            var table = EndpointEngine.Table(records, kind);
            var byId = table.Rows.ToDictionary(r => r[0], r => r);
            var name = EndpointNames.StudyNameOf(kind);
            var months = dataset.Column(name + "_months").Numbers!;
            var status = dataset.Column(name + "_event").Numbers!;
            for (var i = 0; i < ids.Length; i++)
            {
                if (byId.TryGetValue(ids[i]!, out var row))
                {
                    Assert.Equal(Number(row[1]), months[i]);
                    Assert.Equal(Number(row[2]), status[i]);
                }
                else
                {
                    Assert.True(double.IsNaN(months[i]) && double.IsNaN(status[i]), $"{name}: {ids[i]}");
                }
            }
        }
    }

    [Theory]
    [InlineData("os", EndpointKind.OverallSurvival)]
    [InlineData("LR-CR", EndpointKind.LocalRecurrenceCompetingRisks)]
    [InlineData("post-relapse-os", EndpointKind.PostRelapseSurvival)]
    [InlineData("pfs", EndpointKind.ProgressionFreeSurvival)]
    [InlineData("pm-os", EndpointKind.PostMetastasectomySurvival)]
    public void Names_ParseTheCommandLineNames(string name, EndpointKind expected) => Assert.Equal(expected, EndpointNames.Parse(name));

    [Fact]
    public void Names_UnknownEndpoint_IsUserErrorListingTheValidOnes()
    {
        var e = Assert.Throws<DataInputException>(() => EndpointNames.Parse("efs"));
        Assert.Equal("unknown endpoint 'efs'; the endpoints are: os, dfs, lrfs, dmfs, pfs, lr-cr, dm-cr, post-relapse-os, pm-dfs, pm-os, stfs, multistate", e.Message);
    }

    private static List<string?> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()).ToList() : [element.GetString()];

    private static List<PatientRecord> Records(TemplateText text)
    {
        var parsed = TemplateText.Parse(text.Csv());
        Assert.Empty(parsed.Errors);
        return parsed.Rows.Select(r => r.Record).ToList();
    }

    private static double Time(IReadOnlyList<PatientRecord> records, EndpointKind kind) =>
        Number(EndpointEngine.Table(records, kind).Rows[0][1]);

    private static double Months(int days) => days / 30.4375;

    /// <summary>An endpoint cell as a number; empty (missing) is NaN, as R NA in the fixture.</summary>
    private static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
}
