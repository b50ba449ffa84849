using System.Text.Json;
using Sarc.Statistics.Survival;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>
/// Tier (b): every number of validation/reference/km_*.json (written by validation/km.R from the same CSV files)
/// against <see cref="KaplanMeier"/>: steps, summary at times, medians with CIs, reverse-KM follow-up and
/// the log-rank test, for each confidence type and level the script covers.
/// </summary>
public class KaplanMeierReferenceTest
{
    // Why each dataset exists is written next to it in validation/km.R.
    public static readonly TheoryData<string, int> Cases = BuildCases();

    private static TheoryData<string, int> BuildCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { "ties", "all_censored", "one_group", "zero_events", "not_reached", "flat_half", "timefix", "sarcoma", "missing", "missing_nogroup" })
        {
            for (var fit = 0; fit < 6; fit++)
            {
                data.Add(name, fit);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analysis_MatchesRSurvival(string name, int fitIndex)
    {
        var reference = Fixture.Reference("km_" + name);
        var fit = reference.GetProperty("fits")[fitIndex];
        var hasGroup = reference.GetProperty("has_group").GetBoolean();
        var dataset = KaplanMeierDataset.Load(reference.GetProperty("dataset").GetString()!, hasGroup);
        var options = new KaplanMeierOptions
        {
            ConfidenceType = fit.GetProperty("conf_type").GetString() switch
            {
                "log" => ConfidenceType.Log,
                "log-log" => ConfidenceType.LogLog,
                "plain" => ConfidenceType.Plain,
                var other => throw new InvalidOperationException(other),
            },
            ConfidenceLevel = fit.GetProperty("conf_level").GetDouble(),
        };
        var expectedGroups = fit.GetProperty("groups").EnumerateArray().ToList();
        var levels = expectedGroups.Select(g => g.GetProperty("group").GetString() ?? "").ToList();

        var result = hasGroup
            ? SurvivalFits.Analysis(dataset.Time, dataset.Status, dataset.Codes(levels), levels.Count, options)
            : SurvivalFits.Analysis(dataset.Time, dataset.Status, options);

        Assert.Equal(fit.GetProperty("n_excluded").GetInt32(), dataset.Excluded);
        var followUp = fit.GetProperty("median_followup");
        AssertNear.Relative(followUp.GetProperty("median"), result.MedianFollowUp.Estimate, Tolerance.Estimate, "median follow-up");
        AssertNear.Relative(followUp.GetProperty("lower"), result.MedianFollowUp.Lower, Tolerance.PValue, "median follow-up lower");
        AssertNear.Relative(followUp.GetProperty("upper"), result.MedianFollowUp.Upper, Tolerance.PValue, "median follow-up upper");

        Assert.Equal(expectedGroups.Count, result.Curves.Length);
        var at = Fixture.Numbers(reference.GetProperty("at"));
        for (var g = 0; g < expectedGroups.Count; g++)
        {
            AssertCurve(expectedGroups[g], result.Curves[g], at, $"group {levels[g]}");
        }

        var logRank = fit.GetProperty("logrank");
        if (logRank.ValueKind == JsonValueKind.Null || logRank.ValueKind == JsonValueKind.Undefined)
        {
            Assert.Null(result.LogRank);
        }
        else
        {
            Assert.NotNull(result.LogRank);
            AssertNear.Relative(logRank.GetProperty("chisq"), result.LogRank.ChiSquare, Tolerance.PValue, "log-rank chisq");
            Assert.Equal(logRank.GetProperty("df").GetInt32(), result.LogRank.DegreesOfFreedom);
            AssertNear.Relative(logRank.GetProperty("p"), result.LogRank.P, Tolerance.PValue, "log-rank p");
            AssertAll(Fixture.Numbers(logRank.GetProperty("observed")), [.. result.LogRank.Observed], Tolerance.Estimate, "observed");
            AssertAll(Fixture.Numbers(logRank.GetProperty("expected")), [.. result.LogRank.Expected], Tolerance.Estimate, "expected");
        }
    }

    private static void AssertCurve(JsonElement expected, KaplanMeierCurve curve, double[] at, string what)
    {
        Assert.Equal(expected.GetProperty("n").GetInt32(), curve.N);
        Assert.Equal(expected.GetProperty("events").GetInt32(), curve.EventCount);
        var median = curve.Median();
        AssertNear.Relative(expected.GetProperty("median"), median.Estimate, Tolerance.Estimate, $"{what} median");
        AssertNear.Relative(expected.GetProperty("median_lower"), median.Lower, Tolerance.PValue, $"{what} median lower");
        AssertNear.Relative(expected.GetProperty("median_upper"), median.Upper, Tolerance.PValue, $"{what} median upper");

        foreach (var quantile in expected.GetProperty("quantiles").EnumerateArray())
        {
            var p = quantile.GetProperty("p").GetDouble();
            var actual = curve.Quantile(p);
            AssertNear.Relative(quantile.GetProperty("quantile"), actual.Estimate, Tolerance.Estimate, $"{what} quantile {p}");
            AssertNear.Relative(quantile.GetProperty("lower"), actual.Lower, Tolerance.PValue, $"{what} quantile {p} lower");
            AssertNear.Relative(quantile.GetProperty("upper"), actual.Upper, Tolerance.PValue, $"{what} quantile {p} upper");
        }

        var steps = expected.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(steps.Count, curve.Time.Length);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var where = $"{what} step {i}";
            AssertNear.Relative(step.GetProperty("time"), curve.Time[i], Tolerance.Estimate, $"{where} time");
            Assert.Equal(step.GetProperty("n_risk").GetInt32(), curve.AtRisk[i]);
            Assert.Equal(step.GetProperty("n_event").GetInt32(), curve.Events[i]);
            Assert.Equal(step.GetProperty("n_censor").GetInt32(), curve.Censored[i]);
            AssertNear.Relative(step.GetProperty("surv"), curve.Survival[i], Tolerance.Estimate, $"{where} surv");
            AssertNear.Relative(step.GetProperty("std_err_log"), curve.StdErrLog[i], Tolerance.Estimate, $"{where} std.err");
            AssertNear.Relative(step.GetProperty("lower"), curve.Lower[i], Tolerance.PValue, $"{where} lower");
            AssertNear.Relative(step.GetProperty("upper"), curve.Upper[i], Tolerance.PValue, $"{where} upper");
        }

        var rows = expected.GetProperty("at").EnumerateArray().ToList();
        var summary = curve.SummaryAt(at);
        Assert.Equal(rows.Count, summary.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var where = $"{what} at {summary[i].Time}";
            AssertNear.Relative(row.GetProperty("time"), summary[i].Time, Tolerance.Estimate, $"{where} time");
            Assert.Equal(row.GetProperty("n_risk").GetInt32(), summary[i].AtRisk);
            AssertNear.Relative(row.GetProperty("surv"), summary[i].Survival, Tolerance.Estimate, $"{where} surv");
            AssertNear.Relative(row.GetProperty("std_err"), summary[i].StdErr, Tolerance.Estimate, $"{where} std_err");
            AssertNear.Relative(row.GetProperty("lower"), summary[i].Lower, Tolerance.PValue, $"{where} lower");
            AssertNear.Relative(row.GetProperty("upper"), summary[i].Upper, Tolerance.PValue, $"{where} upper");
        }
    }

    private static void AssertAll(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertNear.Relative(expected[i], actual[i], tolerance, $"{what}[{i}]");
        }
    }
}
