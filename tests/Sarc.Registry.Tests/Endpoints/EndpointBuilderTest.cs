using System.Globalization;
using System.Text.Json;
using Sarc.Data;
using Sarc.Registry.Domain;
using Sarc.Registry.Endpoints;
using Sarc.Testing;

namespace Sarc.Registry.Tests.Endpoints;

public class EndpointBuilderTest
{
    private static readonly Lazy<IReadOnlyList<PatientRecord>> Synthetic = new(() =>
    {
        var parsed = TemplateText.Parse(File.ReadAllText(Fixture.PathOf("validation", "data", "registry_synthetic.csv")));
        Assert.Empty(parsed.Errors);
        return parsed.Rows.Select(r => r.Record).ToList();
    });

    private static readonly Lazy<JsonElement> Reference = new(() => Fixture.Reference("registry_endpoints"));

    [Theory]
    [InlineData(EndpointKind.OverallSurvival, "event")]
    [InlineData(EndpointKind.DiseaseFreeSurvival, "event")]
    [InlineData(EndpointKind.LocalRecurrenceFree, "event")]
    [InlineData(EndpointKind.DistantMetastasisFree, "event")]
    [InlineData(EndpointKind.LocalRecurrenceCompetingRisks, "status")]
    [InlineData(EndpointKind.PostRelapseSurvival, "event")]
    public void Build_SyntheticRegistry_MatchesR(EndpointKind kind, string statusColumn)
    {
        var table = EndpointBuilder.Build(Synthetic.Value, kind);
        var reference = Reference.Value.GetProperty(EndpointNames.NameOf(kind));

        var ids = reference.GetProperty("patient_id").EnumerateArray().Select(e => e.GetString()!).ToList();
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
            var types = reference.GetProperty("relapse_type").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(types, table.Rows.Select(r => r[table.IndexOf("relapse_type")]));
            var months = Fixture.Numbers(reference.GetProperty("relapse_months"));
            for (var i = 0; i < ids.Count; i++)
            {
                AssertNear.Relative(months[i], Number(table.Rows[i][table.IndexOf("relapse_months")]), Tolerance.Estimate, $"{ids[i]} relapse_months");
            }
        }
    }

    [Fact]
    public void Build_Multistate_MatchesRAndIsAcceptedBySurvfit()
    {
        var table = EndpointBuilder.Build(Synthetic.Value, EndpointKind.Multistate);
        var reference = Reference.Value.GetProperty("multistate");

        var ids = reference.GetProperty("patient_id").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(ids, table.Rows.Select(r => r[0]));
        var start = Fixture.Numbers(reference.GetProperty("start"));
        var stop = Fixture.Numbers(reference.GetProperty("stop"));
        var from = reference.GetProperty("from").EnumerateArray().Select(e => e.GetString()).ToList();
        var entered = reference.GetProperty("event").EnumerateArray().Select(e => e.GetString()).ToList();
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
    public void Build_Covariates_MatchR()
    {
        var table = EndpointBuilder.Build(Synthetic.Value, EndpointKind.OverallSurvival);
        var reference = Reference.Value.GetProperty("covariates");
        var age = Fixture.Numbers(reference.GetProperty("age"));
        var eqd2 = Fixture.Numbers(reference.GetProperty("eqd2"));
        var t = reference.GetProperty("ajcc_t").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        var stage = reference.GetProperty("ajcc_stage").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            AssertNear.Relative(age[i], Number(row[table.IndexOf("age")]), Tolerance.Estimate, $"row {i} age");
            AssertNear.Relative(eqd2[i], Number(row[table.IndexOf("eqd2")]), Tolerance.Estimate, $"row {i} eqd2");
            Assert.Equal(t[i], row[table.IndexOf("ajcc_t")]);
            Assert.Equal(stage[i], row[table.IndexOf("ajcc_stage")]);
        }
    }

    [Fact]
    public void Build_TinyCohort_HandComputedMonths()
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
        var ms = EndpointBuilder.Build(records, EndpointKind.Multistate);
        Assert.Equal(["entry>lr", "lr>dm", "dm>death"], ms.Rows.Select(r => r[3] + ">" + r[4]));
        Assert.Equal(Months(91).ToString("R", CultureInfo.InvariantCulture), ms.Rows[1][2]);
    }

    [Fact]
    public void Build_CompetingRisks_LrSameDayAsDeathIsLr_DeathWithoutLrIsTwo_AliveIsZero()
    {
        var records = Records(new TemplateText()
            .Add("A", ("lr_date", "2016-01-01"), ("death_date", "2016-01-01"), ("last_followup_date", "2016-01-01"))
            .Add("B", ("death_date", "2017-01-01"), ("last_followup_date", "2017-01-01"))
            .Add("C"));

        var table = EndpointBuilder.Build(records, EndpointKind.LocalRecurrenceCompetingRisks);

        Assert.Equal(["1", "2", "0"], table.Rows.Select(r => r[2]));
    }

    [Fact]
    public void Build_NoEventsAtAll_EveryoneCensoredAtLastFollowUp()
    {
        var records = Records(new TemplateText().Add("A").Add("B", ("last_followup_date", "2015-04-01")));

        var table = EndpointBuilder.Build(records, EndpointKind.DiseaseFreeSurvival);

        Assert.Equal([("0", Months(1827)), ("0", 0.0)], table.Rows.Select(r => (r[2], Number(r[1]))));
        Assert.Empty(EndpointBuilder.Build(records, EndpointKind.PostRelapseSurvival).Rows);
        var ms = EndpointBuilder.Build(records, EndpointKind.Multistate);
        Assert.Single(ms.Rows);
        Assert.Equal("patient B: last follow-up on the day of surgery; no multistate interval", Assert.Single(ms.Warnings));
    }

    [Fact]
    public void Build_Multistate_LrAfterDmIsIgnored_SameDayGoesToFurthestState_EventAtSurgeryLeftOut()
    {
        var records = Records(new TemplateText()
            .Add("A", ("dm_date", "2016-01-01"), ("lr_date", "2016-06-01"))
            .Add("B", ("lr_date", "2016-01-01"), ("dm_date", "2016-01-01"))
            .Add("C", ("lr_date", "2015-04-01")));

        var table = EndpointBuilder.Build(records, EndpointKind.Multistate);

        // The event column is the state entered, empty = censored: what sarc multistate reads.
        Assert.Equal(
            ["A:entry>dm", "A:dm>", "B:entry>dm", "B:dm>"],
            table.Rows.Select(r => $"{r[0]}:{r[3]}>{r[4]}"));
        // Every path starts in entry, so an LR on the day of surgery cannot be represented.
        Assert.Equal("patient C: LR recorded on the day of surgery (every path starts in entry); no multistate interval", Assert.Single(table.Warnings));
    }

    [Fact]
    public void Build_RowOrderOfRecords_IsKept()
    {
        var records = Records(new TemplateText().Add("Z").Add("A"));
        Assert.Equal(["Z", "A"], EndpointBuilder.Build(records, EndpointKind.OverallSurvival).Rows.Select(r => r[0]));
    }

    [Fact]
    public void Build_Covariates_EmptyWhenUnknown()
    {
        var records = Records(new TemplateText().Add("A", ("size_cm", ""), ("rt_setting", ""), ("rt_dose_gy", ""), ("rt_fractions", ""),
            ("rt_end_date", ""), ("bmi", ""), ("histology", "8000/3")));
        var table = EndpointBuilder.Build(records, EndpointKind.OverallSurvival);
        var row = table.Rows[0];

        foreach (var column in new[] { "size_cm", "rt_dose_gy", "rt_fractions", "eqd2", "bmi", "histology_name", "ajcc_stage" })
        {
            Assert.Equal("", row[table.IndexOf(column)]);
        }
        Assert.Equal("TX", row[table.IndexOf("ajcc_t")]);
    }

    [Fact]
    public void Build_DistantMetastasisAtSurgery_IsStageIV_LaterMetastasisIsNot()
    {
        var records = Records(new TemplateText()
            .Add("AtSurgery", ("dm_date", "2015-04-01"))
            .Add("Later", ("dm_date", "2016-01-01"))
            .Add("None"));

        var table = EndpointBuilder.Build(records, EndpointKind.OverallSurvival);

        // 7.5 cm (T2), grade 3: IIIA unless M1 at diagnosis.
        Assert.Equal(["IV", "IIIA", "IIIA"], table.Rows.Select(r => r[table.IndexOf("ajcc_stage")]));
        Assert.Equal([true, false, false], records.Select(r => r.MetastaticAtDiagnosis));
    }

    [Theory]
    [InlineData("os", EndpointKind.OverallSurvival)]
    [InlineData("LR-CR", EndpointKind.LocalRecurrenceCompetingRisks)]
    [InlineData("post-relapse-os", EndpointKind.PostRelapseSurvival)]
    public void Names_ParseTheCommandLineNames(string name, EndpointKind expected) => Assert.Equal(expected, EndpointNames.Parse(name));

    [Fact]
    public void Names_UnknownEndpoint_IsUserErrorListingTheValidOnes()
    {
        var e = Assert.Throws<DataInputException>(() => EndpointNames.Parse("pfs"));
        Assert.Equal("unknown endpoint 'pfs'; the endpoints are: os, dfs, lrfs, dmfs, lr-cr, post-relapse-os, multistate", e.Message);
    }

    private static List<PatientRecord> Records(TemplateText text)
    {
        var parsed = TemplateText.Parse(text.Csv());
        Assert.Empty(parsed.Errors);
        return parsed.Rows.Select(r => r.Record).ToList();
    }

    private static double Time(IReadOnlyList<PatientRecord> records, EndpointKind kind) =>
        Number(EndpointBuilder.Build(records, kind).Rows[0][1]);

    private static double Months(int days) => days / 30.4375;

    /// <summary>An endpoint cell as a number; empty (missing) is NaN, as R NA in the fixture.</summary>
    private static double Number(string text) => text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
}
