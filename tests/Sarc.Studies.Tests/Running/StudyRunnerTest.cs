using Sarc.Data.Analysis;
using Sarc.Data.Tables;
using Sarc.Statistics.Hypothesis;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;
using Sarc.Studies.Data;
using Sarc.Studies.Definitions;
using Sarc.Studies.Reports;
using Sarc.Studies.Running;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Running;

public class StudyRunnerTest(DemoRegistry registry) : IClassFixture<DemoRegistry>
{
    private static StudyDefinition Seed(string id) => StudyParser.ParseFile(Fixture.PathOf("studies", id + ".yaml")).Study!;

    private static StudyDefinition Inline(string yaml)
    {
        var result = StudyParser.Parse(yaml, "inline.yaml");
        Assert.Empty(result.Errors);
        return result.Study!;
    }

    private static T Payload<T>(StudyResult result, string id) => Assert.IsType<T>(result.Analyses.Single(a => a.Id == id).Payload);

    [Theory]
    [InlineData("necrosis-outcomes")]
    [InlineData("metastatic-cmt")]
    [InlineData("pulmonary-metastasectomy")]
    [InlineData("lr-dm-multistate")]
    [InlineData("rps-post-relapse")]
    public void Run_SeedStudy_RunsEveryAnalysis(string id)
    {
        var result = StudyRunner.Run(Seed(id), registry.Dataset);

        Assert.True(result.N > 0, $"{id}: empty cohort");
        foreach (var analysis in result.Analyses)
        {
            Assert.True(analysis.Error is null, $"{id}/{analysis.Id}: {analysis.Error}");
        }
    }

    [Fact]
    public void Run_NecrosisStudy_TwoByTwoMatchesTheEngineOnCountsTakenFromTheDataset()
    {
        var result = StudyRunner.Run(Seed("necrosis-outcomes"), registry.Dataset);

        // Independent selection: neoadjuvant RT with a necrosis value; exposure necrosis >= 75, outcome DM.
        var setting = registry.Dataset.Column("rt_setting").Texts!;
        var necrosis = registry.Dataset.Column("necrosis_pct").Numbers!;
        var dm = registry.Dataset.Column("dm").Numbers!;
        int a = 0, b = 0, c = 0, d = 0;
        for (var i = 0; i < necrosis.Length; i++)
        {
            if (setting[i] != "neoadjuvant" || double.IsNaN(necrosis[i]))
            {
                continue;
            }
            var high = necrosis[i] >= 75;
            if (high) { if (dm[i] == 1) { a++; } else { b++; } }
            else { if (dm[i] == 1) { c++; } else { d++; } }
        }
        var expected = TwoByTwoTest.Test(new TwoByTwoTable(a, b, c, d));

        var actual = Payload<TwoByTwoAnalysisResult>(result, "dm-by-necrosis");
        Assert.Equal(a + b + c + d, result.N);
        Assert.Equal(new TwoByTwoTable(a, b, c, d), actual.Table);
        AssertNear.Relative(expected.FisherP, actual.Result.FisherP, Tolerance.PValue, "Fisher p");
        AssertNear.Relative(expected.FisherMidP, actual.Result.FisherMidP, Tolerance.PValue, "mid-p");
        AssertNear.Relative(expected.ConditionalOddsRatio.Estimate, actual.Result.ConditionalOddsRatio.Estimate, Tolerance.Estimate, "OR");
    }

    [Fact]
    public void Run_RetroperitonealStudy_KaplanMeierByRelapseTypeMatchesTheEngine()
    {
        var result = StudyRunner.Run(Seed("rps-post-relapse"), registry.Dataset);

        var site = registry.Dataset.Column("site").Texts!;
        var relapse = registry.Dataset.Column("relapse").Numbers!;
        var type = registry.Dataset.Column("relapse_type").Texts!;
        var months = registry.Dataset.Column("post_relapse_os_months").Numbers!;
        var events = registry.Dataset.Column("post_relapse_os_event").Numbers!;
        string[] levels = ["dm", "lr", "lr+dm"];
        var rows = Enumerable.Range(0, site.Length).Where(i => site[i] == "retroperitoneum" && relapse[i] == 1).ToArray();
        var expected = new KaplanMeier().Fit(new SurvivalData(rows.Select(i => months[i]).ToArray(), rows.Select(i => events[i]).ToArray(),
            rows.Select(i => Array.IndexOf(levels, type[i])).ToArray(), levels.Length));

        var actual = Payload<KmAnalysis>(result, "os-by-relapse-type");
        Assert.Equal(levels, actual.Levels);
        for (var g = 0; g < levels.Length; g++)
        {
            Assert.Equal(expected.Curves[g].N, actual.Curves[g].N);
            AssertNear.Relative(expected.Curves[g].Median().Estimate, actual.Curves[g].Median().Estimate, Tolerance.Estimate, $"median {levels[g]}");
        }
        AssertNear.Relative(expected.LogRank!.ChiSquare, actual.LogRank!.ChiSquare, Tolerance.Estimate, "log-rank chi-square");
        AssertNear.Relative(expected.LogRank.P, actual.LogRank.P, Tolerance.PValue, "log-rank p");
    }

    [Fact]
    public void Run_MetastaticStudy_RatesAreExactClopperPearsonOnTheCohortCounts()
    {
        var result = StudyRunner.Run(Seed("metastatic-cmt"), registry.Dataset);

        var metastatic = registry.Dataset.Column("metastatic_at_diagnosis").Numbers!;
        var fractions = registry.Dataset.Column("rt_fractions").Numbers!;
        var wound = registry.Dataset.Column("wound_complication").Numbers!;
        var rows = Enumerable.Range(0, metastatic.Length).Where(i => metastatic[i] == 1 && fractions[i] == 15 && !double.IsNaN(wound[i])).ToArray();
        var events = rows.Count(i => wound[i] == 1);
        var expected = ProportionCI.ClopperPearson(events, rows.Length);

        var rate = Payload<RatesAnalysis>(result, "complications").Rates.Single(r => r.Outcome == "wound_complication");
        Assert.Equal(events, rate.Events);
        Assert.Equal(rows.Length, rate.N);
        AssertNear.Relative(expected.Lower, rate.Interval.Lower, Tolerance.PValue, "lower");
        AssertNear.Relative(expected.Upper, rate.Interval.Upper, Tolerance.PValue, "upper");
    }

    [Fact]
    public void Run_LrDmStudy_DmHazardWithLrAsTimeDependentCovariateCoversTheSimulatedHazardRatio()
    {
        var result = StudyRunner.Run(Seed("lr-dm-multistate"), registry.Dataset);

        var fit = Payload<CoxAnalysis>(result, "dm-hazard-lr").Fit;
        var lr = fit.Coefficients.Single(c => c.Term == "lr");
        Assert.NotNull(lr.RobustSe);
        var lower = Math.Exp(lr.Coef - 1.959963984540054 * lr.RobustSe!.Value);
        var upper = Math.Exp(lr.Coef + 1.959963984540054 * lr.RobustSe.Value);
        Assert.True(lower <= 8.4 && 8.4 <= upper, $"robust 95% CI {lower:F2}-{upper:F2} does not cover the simulated HR 8.4");
        var grade = fit.Coefficients.Single(c => c.Term == "high_grade");
        Assert.True(grade.HazardRatio > 1.5, $"high grade HR {grade.HazardRatio:F2}: the simulated 3.8 is not recovered");
    }

    [Fact]
    public void Run_LrDmStudy_CumulativeIncidenceMatchesTheEngineOnTheCohort()
    {
        var study = Seed("lr-dm-multistate");
        var result = StudyRunner.Run(study, registry.Dataset);
        var cohort = StudyRunner.Cohort(study, registry.Dataset);

        var grade = cohort.Column("high_grade").Numbers!;
        var rows = Enumerable.Range(0, grade.Length).Where(i => !double.IsNaN(grade[i])).ToArray();
        var months = cohort.Column("lr_cr_months").Numbers!;
        var status = cohort.Column("lr_cr_event").Numbers!;
        var expected = new Sarc.Statistics.CompetingRisks.CumulativeIncidence().Fit(new Sarc.Statistics.CompetingRisks.CompetingRisksData(
            rows.Select(i => months[i]).ToArray(), rows.Select(i => (int)status[i]).ToArray(), rows.Select(i => (int)grade[i]).ToArray(), 2));

        var actual = Payload<CifAnalysis>(result, "lr-cif").Result;
        for (var k = 0; k < expected.Tests.Count; k++)
        {
            AssertNear.Relative(expected.Tests[k].ChiSquare, actual.Tests[k].ChiSquare, Tolerance.Estimate, $"Gray statistic cause {expected.Tests[k].Cause}");
            AssertNear.Relative(expected.Tests[k].P, actual.Tests[k].P, Tolerance.PValue, $"Gray p cause {expected.Tests[k].Cause}");
        }
        AssertNear.Relative(expected.Curve(1, 1).EstimateAt(60), actual.Curve(1, 1).EstimateAt(60), Tolerance.Estimate, "CIF of LR at 60 months, high grade");
    }

    [Fact]
    public void Run_LrDmStudy_FineGrayMatchesTheEngineOnTheCohort()
    {
        var study = Seed("lr-dm-multistate");
        var result = StudyRunner.Run(study, registry.Dataset);
        var cohort = StudyRunner.Cohort(study, registry.Dataset);

        // crr on the complete cases of dm_cr (1 DM, 2 death without DM) ~ high_grade + size_gt5 + deep.
        string[] terms = ["high_grade", "size_gt5", "deep"];
        var months = cohort.Column("dm_cr_months").Numbers!;
        var status = cohort.Column("dm_cr_event").Numbers!;
        var columns = terms.Select(t => cohort.Column(t).Numbers!).ToArray();
        var rows = Enumerable.Range(0, cohort.RowCount).Where(i => columns.All(c => !double.IsNaN(c[i]))).ToArray();
        var expected = new Sarc.Statistics.CompetingRisks.FineGray().Fit(new Sarc.Statistics.CompetingRisks.FineGrayData(rows.Select(i => months[i]).ToArray(),
            rows.Select(i => (int)status[i]).ToArray(), 1, columns.Select(c => rows.Select(i => c[i]).ToArray()).ToArray(), terms));

        var actual = Payload<FinegrayAnalysis>(result, "dm-finegray");
        Assert.Equal(cohort.RowCount - rows.Length, actual.Frame.Excluded);
        Assert.Equal(terms, actual.Frame.ColumnNames);
        for (var k = 0; k < terms.Length; k++)
        {
            AssertNear.Relative(expected.Coefficients[k].Coef, actual.Fit.Coefficients[k].Coef, Tolerance.Estimate, $"{terms[k]} coef");
            AssertNear.Relative(expected.Coefficients[k].Se, actual.Fit.Coefficients[k].Se, Tolerance.Estimate, $"{terms[k]} se");
            AssertNear.Relative(expected.Coefficients[k].P, actual.Fit.Coefficients[k].P, Tolerance.PValue, $"{terms[k]} p");
        }
        // The simulated DM hazard is 3.8 x for high grade; the subdistribution HR is smaller but clearly above 1.
        Assert.True(actual.Fit.Coefficients[0].HazardRatioLower > 1, "high grade does not raise the subdistribution hazard of DM");
    }

    /// <summary>
    /// The progressive path of each patient written out as R's registry_endpoints.R does (an LR counts only strictly
    /// before DM and death, a DM only strictly before death), independently of MultistatePath.
    /// </summary>
    private static List<(int Patient, double Start, double Stop, int From, int To)> Paths(DataFrame cohort)
    {
        double At(string endpoint, int i) => cohort.Column(endpoint + "_event").Numbers![i] == 1 ? cohort.Column(endpoint + "_months").Numbers![i] : double.NaN;
        var paths = new List<(int, double, double, int, int)>();
        for (var i = 0; i < cohort.RowCount; i++)
        {
            double tl = At("lrfs", i), td = At("dmfs", i), tx = At("os", i);
            var lrIn = !double.IsNaN(tl) && (double.IsNaN(td) || tl < td) && (double.IsNaN(tx) || tl < tx);
            var dmIn = !double.IsNaN(td) && (double.IsNaN(tx) || td < tx);
            var states = new List<int> { 0 };
            var times = new List<double> { 0 };
            if (lrIn) { states.Add(1); times.Add(tl); }
            if (dmIn) { states.Add(2); times.Add(td); }
            if (!double.IsNaN(tx)) { states.Add(3); times.Add(tx); }
            if (times.Count > 1 && times[1] == 0)
            {
                continue;
            }
            for (var j = 1; j < states.Count; j++)
            {
                paths.Add((i, times[j - 1], times[j], states[j - 1], states[j]));
            }
            var last = cohort.Column("os_months").Numbers![i];
            if (states[^1] != 3 && last > times[^1])
            {
                paths.Add((i, times[^1], last, states[^1], Sarc.Statistics.Multistate.AalenJohansen.Censored));
            }
        }
        return paths;
    }

    [Fact]
    public void Run_LrDmStudy_StateOccupancyAndTransitionModelsMatchTheEngineOnTheCohort()
    {
        var study = Seed("lr-dm-multistate");
        var result = StudyRunner.Run(study, registry.Dataset);
        var cohort = StudyRunner.Cohort(study, registry.Dataset);
        var paths = Paths(cohort);
        var grade = cohort.Column("high_grade").Numbers!;
        var size = cohort.Column("size_gt5").Numbers!;
        var models = Payload<MultistateModels>(result, "states");

        Assert.Equal(["entry", "lr", "dm", "death"], models.Overall.States);
        Assert.Equal(paths.Count, models.Overall.Rows);
        foreach (var (level, occupancy) in new[] { ("all", models.Overall), ("1", models.Groups.Single(g => g.Level == "1").Occupancy) })
        {
            var subset = paths.Where(p => level == "all" || grade[p.Patient] == 1).ToArray();
            var ids = subset.Select(p => p.Patient).Distinct().ToArray();
            var code = ids.Select((id, k) => (id, k)).ToDictionary(e => e.id, e => e.k);
            var expected = new Sarc.Statistics.Multistate.AalenJohansen().Fit(new Sarc.Statistics.Multistate.MultistateData(subset.Select(p => code[p.Patient]).ToArray(),
                subset.Select(p => p.Start).ToArray(), subset.Select(p => p.Stop).ToArray(), subset.Select(p => p.To).ToArray(), 4, ids.Length));
            Assert.Equal(expected.Transitions, occupancy.Result.Transitions);
            foreach (var t in new double[] { 24, 60, 120 })
            {
                var (p, se) = expected.At(t);
                var (q, qse) = occupancy.Result.At(t);
                for (var s = 0; s < 4; s++)
                {
                    AssertNear.Relative(p[s], q[s], Tolerance.Estimate, $"{level}: P(state {s}) at {t}");
                    AssertNear.Relative(se[s], qse[s], Tolerance.Estimate, $"{level}: SE of P(state {s}) at {t}");
                }
            }
        }

        // LR -> DM: the intervals spent in LR, event = moved to DM, ~ high_grade + size_gt5 on complete cases.
        var atRisk = paths.Where(p => p.From == 1 && !double.IsNaN(grade[p.Patient]) && !double.IsNaN(size[p.Patient])).ToArray();
        var fit = new CoxRegression(new CoxOptions()).Fit(new CoxData(
            atRisk.Select(p => p.Start).ToArray(), atRisk.Select(p => p.Stop).ToArray(), atRisk.Select(p => p.To == 2 ? 1.0 : 0).ToArray(),
            [atRisk.Select(p => grade[p.Patient]).ToArray(), atRisk.Select(p => size[p.Patient]).ToArray()],
            ["high_grade", "size_gt5"], ["high_grade", "size_gt5"], [0, 1]));
        var lrDm = models.Transitions.Single(m => m is { From: "lr", To: "dm" }).Model!.Fit;
        Assert.Equal(fit.Events, lrDm.Events);
        for (var k = 0; k < 2; k++)
        {
            AssertNear.Relative(fit.Coefficients[k].Coef, lrDm.Coefficients[k].Coef, Tolerance.Estimate, $"LR->DM {fit.Coefficients[k].Term} coef");
            AssertNear.Relative(fit.Coefficients[k].Se, lrDm.Coefficients[k].Se, Tolerance.Estimate, $"LR->DM {fit.Coefficients[k].Term} se");
        }
        // Every observed transition has its model.
        Assert.Equal(models.Overall.Result.Transitions.Count(n => n > 0), models.Transitions.Count);
        Assert.All(models.Transitions, m => Assert.Null(m.Error));
    }

    [Fact]
    public void Run_MultistateOnACohortWithoutTransitions_FailsOnlyThatAnalysis()
    {
        // Patients with no LR, DM or death: nobody leaves entry.
        var study = Inline("""
            id: q
            title: No transitions
            cohort:
              lr: 0
              dm: 0
              death: 0
            analyses:
              - id: states
                kind: multistate
                formula: "~ high_grade"
              - id: deep
                kind: rates
                outcomes: [deep]
              - id: fg
                kind: finegray
                endpoint: dm_cr
                formula: "~ high_grade"
            """);

        var result = StudyRunner.Run(study, registry.Dataset);

        Assert.True(result.N > 0);
        Assert.Contains("no transitions among the", result.Analyses[0].Error);
        Assert.Null(result.Analyses[1].Error);
        Assert.True(result.Analyses[2].Error?.Contains("cause 1 does not occur") == true, result.Analyses[2].Error);
        Assert.Contains("\"error\": \"no transitions among the", ResultsJson.Write([result]));
    }

    [Fact]
    public void Run_DeeplyNestedFormula_FailsThatAnalysisWithOneLine()
    {
        // Issue 17: a formula thousands of parentheses deep overflowed the stack and aborted the run (and the server).
        var deep = new string('(', 5000) + "high_grade" + new string(')', 5000);
        var study = Inline($"""
            id: q
            title: Deep formula
            analyses:
              - id: cox
                kind: cox
                endpoint: os
                formula: "~ {deep}"
              - id: rates
                kind: rates
                outcomes: [deep]
            """);

        var result = StudyRunner.Run(study, registry.Dataset);

        Assert.StartsWith("formula: parentheses nested more than 100 deep", result.Analyses[0].Error);
        Assert.Null(result.Analyses[1].Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(25)]
    public void Run_LrDmStudyOnATinyRegistry_EveryAnalysisHasAResultOrAOneLineReason(int patients)
    {
        // A center with a handful of patients (the web app runs studies on what a user may see): the engines meet
        // single events, constant covariates and empty transitions, and must say so rather than throw.
        var tiny = registry.Dataset.SelectRows(Enumerable.Range(0, patients).ToArray());

        var result = StudyRunner.Run(Seed("lr-dm-multistate"), tiny);

        Assert.All(result.Analyses, a => Assert.True((a.Payload is null) != (a.Error is null), $"{a.Id}: payload and error"));
        Assert.All(result.Analyses.Where(a => a.Error is not null), a => Assert.DoesNotContain('\n', a.Error!));
        Assert.Empty(SchemaErrors(result));
        var folder = Path.Combine(registry.Folder, $"tiny-{patients}");
        var html = File.ReadAllText(HtmlReport.Write(folder, [result], "tiny"));
        Assert.All(result.Analyses, a => Assert.Contains($"id=\"lr-dm-multistate-{a.Id}\"", html));
    }

    private static List<string> SchemaErrors(StudyResult result)
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Fixture.PathOf("docs", "results.schema.json")));
        using var json = System.Text.Json.JsonDocument.Parse(ResultsJson.Write([result]));
        return Reports.SchemaChecker.Check(schema.RootElement, json.RootElement);
    }

    [Fact]
    public void Run_MultistateGroupWithOneLevel_IsAnErrorNamingTheColumn()
    {
        var study = Inline("id: g\ntitle: G\ncohort:\n  high_grade: 1\nanalyses:\n  - id: s\n    kind: multistate\n    group: high_grade\n");

        var result = StudyRunner.Run(study, registry.Dataset);

        Assert.Contains("'high_grade' has a single level ('1')", result.Analyses[0].Error);
    }

    [Fact]
    public void MultistateIntervals_HandMadePatients_FollowTheRegistryRules()
    {
        // A: LR at 2, DM at 5, alive at 9. B: DM at 3, LR later at 4 (ignored), death at 6. C: LR and DM both at 2,
        // censored at 7 (straight to DM). D: metastatic at diagnosis (DM at time 0: no path). E: nothing, censored at 4.
        var cohort = new DataFrame("hand.csv", [
            new DataColumn("patient_id", ColumnKind.Text, null, ["A", "B", "C", "D", "E"]),
            new DataColumn("lrfs_months", ColumnKind.Numeric, [2, 4, 2, 8, 4], null),
            new DataColumn("lrfs_event", ColumnKind.Numeric, [1, 1, 1, 0, 0], null),
            new DataColumn("dmfs_months", ColumnKind.Numeric, [5, 3, 2, 8, 4], null),
            new DataColumn("dmfs_event", ColumnKind.Numeric, [1, 1, 1, 0, 0], null),
            new DataColumn("os_months", ColumnKind.Numeric, [9, 6, 7, 8, 4], null),
            new DataColumn("os_event", ColumnKind.Numeric, [0, 1, 0, 0, 0], null),
            new DataColumn("metastatic_at_diagnosis", ColumnKind.Numeric, [0, 0, 0, 1, 0], null),
        ], [2, 3, 4, 5, 6]);

        var (intervals, leftOut, reason) = MultistateIntervals.Build(cohort);

        var id = intervals.Column("patient_id");
        var rows = Enumerable.Range(0, intervals.RowCount).Select(r =>
            $"{id.TextAt(r)} ({intervals.Column("start").Numbers![r]},{intervals.Column("stop").Numbers![r]}] {intervals.Column("from").TextAt(r)}>{intervals.Column("event").TextAt(r) ?? ""}");
        Assert.Equal(["A (0,2] entry>lr", "A (2,5] lr>dm", "A (5,9] dm>", "B (0,3] entry>dm", "B (3,6] dm>death", "C (0,2] entry>dm", "C (2,7] dm>", "E (0,4] entry>"], rows);
        Assert.Equal(1, leftOut);
        Assert.Equal("patient D: DM recorded on the day of surgery (every path starts in entry)", reason);
        Assert.Equal([2, 2, 2, 3, 3, 4, 4, 6], intervals.LineNumbers);
    }

    [Fact]
    public void MultistateReport_OnTheRegistryMultistateEndpoint_MatchesRSurvfit()
    {
        // registry_endpoints.R writes the endpoint's rows and R's survfit occupancy on them: the endpoint's format is
        // read by sarc multistate as it is (EndpointBuilderTest checks the endpoint reproduces these rows).
        var reference = Fixture.Reference("registry_endpoints");
        var ms = reference.GetProperty("multistate");
        var events = ms.GetProperty("event").EnumerateArray().Select(e => e.GetString() is { Length: > 0 } t ? t : null).ToArray();
        var frame = new DataFrame("ms.csv", [
            new DataColumn("patient_id", ColumnKind.Text, null, ms.GetProperty("patient_id").EnumerateArray().Select(e => e.GetString()).ToArray()),
            new DataColumn("start", ColumnKind.Numeric, Fixture.Numbers(ms.GetProperty("start")), null),
            new DataColumn("stop", ColumnKind.Numeric, Fixture.Numbers(ms.GetProperty("stop")), null),
            new DataColumn("event", ColumnKind.Text, null, events),
        ], Enumerable.Range(2, events.Length).ToArray());

        var analysis = MultistateReport.Analyse(frame, "patient_id", "start", "stop", "event", ["lr", "dm", "death"], null);

        var checks = reference.GetProperty("checks");
        var times = Fixture.Numbers(checks.GetProperty("multistate_at"));
        var pstate = checks.GetProperty("multistate_pstate").EnumerateArray().ToArray();
        var stdErr = checks.GetProperty("multistate_std_err").EnumerateArray().ToArray();
        for (var k = 0; k < times.Length; k++)
        {
            var (p, se) = analysis.Result.At(times[k]);
            var expectedP = Fixture.Numbers(pstate[k]);
            var expectedSe = Fixture.Numbers(stdErr[k]);
            for (var s = 0; s < 4; s++)
            {
                AssertNear.Relative(expectedP[s], p[s], Tolerance.Estimate, $"pstate {analysis.States[s]} at {times[k]}");
                AssertNear.Relative(expectedSe[s], se[s], Tolerance.Estimate, $"std.err {analysis.States[s]} at {times[k]}");
            }
        }
    }

    [Fact]
    public void Run_EmptyCohort_EveryAnalysisCarriesTheReasonAndNothingThrows()
    {
        var study = Inline("id: e\ntitle: E\ncohort:\n  site: nowhere\nanalyses:\n  - id: os\n    kind: km\n    endpoint: os\n  - id: r\n    kind: rates\n    outcomes: [lr]\n");

        var result = StudyRunner.Run(study, registry.Dataset);

        Assert.Equal(0, result.N);
        Assert.All(result.Analyses, a => Assert.Contains("cohort is empty", a.Error));
        Assert.Contains("\"error\": \"the cohort is empty", ResultsJson.Write([result]));
    }

    [Fact]
    public void Run_EndpointWithoutEventsAndGroupWithOneLevel_FailOnlyThoseAnalyses()
    {
        // High-grade patients who never had an LR: LR-free survival has no events, and 'high_grade' has the single
        // level 1. (Grouping by 'lr' itself, as this test did, is now refused: LR is recorded after time zero.)
        var study = Inline("""
            id: b
            title: Bad input
            cohort:
              lr: 0
              high_grade: 1
            analyses:
              - id: lrfs
                kind: km
                endpoint: lrfs
              - id: os-by-grade
                kind: km
                endpoint: os
                group: high_grade
              - id: os
                kind: km
                endpoint: os
            """);

        var result = StudyRunner.Run(study, registry.Dataset);

        Assert.Contains("no lrfs events", result.Analyses[0].Error);
        Assert.Contains("'high_grade' has a single level", result.Analyses[1].Error);
        Assert.Null(result.Analyses[2].Error);
        Assert.IsType<KmAnalysis>(result.Analyses[2].Payload);
    }

    [Fact]
    public void Run_RowOrderOfTheRegistry_DoesNotChangeAnyResult()
    {
        var reversed = Reverse(registry.Dataset);
        var studies = new[] { "necrosis-outcomes", "rps-post-relapse", "metastatic-cmt" }.Select(Seed).ToArray();

        var forward = ResultsJson.Write(studies.Select(s => StudyRunner.Run(s, registry.Dataset)).ToArray());
        var backward = ResultsJson.Write(studies.Select(s => StudyRunner.Run(s, reversed)).ToArray());

        // Sums in another order may differ in the last bits (Cox); anything beyond 1e-9 relative is a real difference.
        using var a = System.Text.Json.JsonDocument.Parse(forward);
        using var b = System.Text.Json.JsonDocument.Parse(backward);
        AssertSameJson(a.RootElement, b.RootElement, "$");
    }

    private static void AssertSameJson(System.Text.Json.JsonElement expected, System.Text.Json.JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var property in expected.EnumerateObject())
                {
                    AssertSameJson(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }
                break;
            case System.Text.Json.JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSameJson(expected[i], actual[i], $"{path}[{i}]");
                }
                break;
            case System.Text.Json.JsonValueKind.Number:
                AssertNear.Relative(expected.GetDouble(), actual.GetDouble(), 1e-9, path);
                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
        }
    }

    [Fact]
    public void Cohort_DerivedGrouping_IsOneZeroOrMissingFromItsSource()
    {
        var study = Inline("id: d\ntitle: D\nderive:\n  big: \"size_cm > 10\"\nanalyses:\n  - id: r\n    kind: rates\n    outcomes: [big]\n");

        var cohort = StudyRunner.Cohort(study, registry.Dataset);

        var size = cohort.Column("size_cm").Numbers!;
        var big = cohort.Column("big").Numbers!;
        for (var i = 0; i < size.Length; i++)
        {
            Assert.Equal(double.IsNaN(size[i]) ? double.NaN : size[i] > 10 ? 1 : 0, big[i]);
        }
    }

    private static DataFrame Reverse(DataFrame frame)
    {
        var columns = frame.Columns.Select(c => c.Numbers is { } n
            ? new DataColumn(c.Name, ColumnKind.Numeric, n.Reverse().ToArray(), null)
            : new DataColumn(c.Name, ColumnKind.Text, null, c.Texts!.Reverse().ToArray())).ToArray();
        return new DataFrame(frame.Source, columns, frame.LineNumbers.Reverse().ToArray());
    }

    [Fact]
    public void CountingProcess_LrBeforeDm_SplitsIntoTwoIntervalsWithTheEventOnTheLast()
    {
        // P1: LR at 2, DM at 5. P2: no LR, censored at 4. P3: LR and DM the same day (3): LR does not precede DM.
        var cohort = new DataFrame("t", [
            new DataColumn("patient_id", ColumnKind.Text, null, ["P1", "P2", "P3"]),
            new DataColumn("dmfs_months", ColumnKind.Numeric, [5, 4, 3], null),
            new DataColumn("dmfs_event", ColumnKind.Numeric, [1, 0, 1], null),
            new DataColumn("lr", ColumnKind.Numeric, [1, 0, 1], null),
            new DataColumn("lrfs_months", ColumnKind.Numeric, [2, 4, 3], null),
        ], [2, 3, 4]);

        var split = CountingProcess.Split(cohort, "dmfs", ["lr"]);

        Assert.Equal(new string?[] { "P1", "P1", "P2", "P3" }, split.Column("patient_id").Texts!);
        Assert.Equal([0.0, 2, 0, 0], split.Column("tstart").Numbers!);
        Assert.Equal([2.0, 5, 4, 3], split.Column("tstop").Numbers!);
        Assert.Equal([0.0, 1, 0, 1], split.Column("status").Numbers!);
        Assert.Equal([0.0, 1, 0, 0], split.Column("lr").Numbers!);
    }
}
