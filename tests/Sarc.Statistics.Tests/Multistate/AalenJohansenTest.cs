using System.Globalization;
using System.Text.Json;
using Sarc.Statistics.Multistate;
using Sarc.Statistics.Tests.CompetingRisks;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Multistate;

public class AalenJohansenTest
{
    // Issue 18 holds the multistate probabilities and standard errors to R at 1e-8, tighter than the project-wide
    // Tolerance.Estimate: the fixtures carry 15 significant digits and the estimator has no iteration.
    private const double SameAsR = 1e-8;

    [Fact]
    public void Fit_TinyPaths_MatchesHandComputation()
    {
        // 4 subjects in entry. t=2: 1 of 4 moves to LR -> p = (3/4, 1/4, 0).
        // t=3: 1 of 3 left in entry moves to LR -> p_entry = 3/4 * 2/3 = 1/2, p_LR = 1/2.
        // t=5: the single LR subject (of 2 in LR) dies -> p_LR = 1/2 * 1/2 = 1/4, p_death = 1/4.
        var (result, _) = FitFile("multistate_tiny", ["LR", "death"]);
        Assert.Equal([2.0, 3, 4, 5, 6, 8], result.Times);
        AssertNear.Relative(0.75, result.Probability(0, 0), 1e-14, "entry at 2");
        AssertNear.Relative(0.5, result.Probability(1, 1), 1e-14, "LR at 3");
        AssertNear.Relative(0.25, result.Probability(3, 2), 1e-14, "death at 5");
        // At t=2 this is one binomial step: se = sqrt(p (1 - p) / n) = sqrt(3/16 / 4).
        AssertNear.Relative(Math.Sqrt(3.0 / 64), result.StandardError(0, 1), 1e-14, "se LR at 2");
    }

    [Theory]
    [InlineData("tiny", "multistate_tiny", new[] { "LR", "death" })]
    [InlineData("paths", "multistate_paths", new[] { "LR", "DM", "death" })]
    // 5,000 patients, 1,067 distinct times: the accumulated variance over many event times (docs/methods/multistate.md).
    [InlineData("large", "multistate_5000", new[] { "LR", "DM", "death" })]
    public void Fit_ReferenceData_MatchesRSurvfit(string name, string file, string[] states)
    {
        var reference = Fixture.Reference("multistate").GetProperty(name);
        var (result, _) = FitFile(file, states);
        Assert.Equal(Fixture.Numbers(reference.GetProperty("time")), result.Times);
        var pstate = Rows(reference.GetProperty("pstate"));
        var stdErr = Rows(reference.GetProperty("std_err"));
        var nRisk = Rows(reference.GetProperty("n_risk"));
        for (var t = 0; t < result.Times.Length; t++)
        {
            for (var s = 0; s <= states.Length; s++)
            {
                AssertNear.Relative(pstate[t][s], result.Probability(t, s), SameAsR, $"pstate[{t},{s}]");
                AssertNear.Relative(stdErr[t][s], result.StandardError(t, s), SameAsR, $"std.err[{t},{s}]");
                Assert.Equal((int)nRisk[t][s], result.AtRisk[t * result.StateCount + s]);
            }
        }
        var at = Fixture.Numbers(reference.GetProperty("at"));
        var atP = Rows(reference.GetProperty("at_pstate"));
        var atSe = Rows(reference.GetProperty("at_std_err"));
        for (var i = 0; i < at.Length; i++)
        {
            var (p, se) = result.At(at[i]);
            for (var s = 0; s <= states.Length; s++)
            {
                AssertNear.Relative(atP[i][s], p[s], SameAsR, $"pstate at {at[i]}, state {s}");
                AssertNear.Relative(atSe[i][s], se[s], SameAsR, $"std.err at {at[i]}, state {s}");
            }
        }
        string[] names = ["(s0)", .. states];
        foreach (var transition in reference.GetProperty("transitions").EnumerateArray())
        {
            var from = Array.IndexOf(names, transition.GetProperty("from").GetString());
            var to = Array.IndexOf(names, transition.GetProperty("to").GetString());
            Assert.Equal(transition.GetProperty("n").GetInt32(), result.Transitions[from * result.StateCount + to]);
        }
    }

    [Fact]
    public void Fit_RowOrder_DoesNotChangeTheResult()
    {
        var data = ValidationCsv.Read("multistate_paths");
        var (sorted, _) = FitFile("multistate_paths", ["LR", "DM", "death"]);
        var (reversed, _) = FitFile("multistate_paths", ["LR", "DM", "death"], reverse: true);
        Assert.Equal(sorted.Times, reversed.Times);
        for (var i = 0; i < sorted.Probabilities.Length; i++)
        {
            AssertNear.Relative(sorted.Probabilities[i], reversed.Probabilities[i], 1e-12, "pstate");
            AssertNear.Relative(sorted.StandardErrors[i], reversed.StandardErrors[i], 1e-12, "std.err");
        }
        Assert.True(data.RowCount > 150);
    }

    [Fact]
    public void Fit_OnlyOneAbsorbingState_AgreesWithKaplanMeierComplement()
    {
        // With entry -> death only, the occupancy of entry is the Kaplan-Meier survival.
        int[] subject = [0, 1, 2, 3, 4];
        double[] start = [0, 0, 0, 0, 0];
        double[] stop = [1, 2, 2, 3, 4];
        int[] to = [1, AalenJohansen.Censored, 1, 1, AalenJohansen.Censored];
        var result = new AalenJohansen().Fit(new MultistateData(subject, start, stop, to, 2, 5));
        // KM: 4/5 at 1, * 3/4 at 2, * 1/2 at 3.
        AssertNear.Relative(0.8 * 0.75 * 0.5, result.Probability(2, 0), 1e-14, "S(3)");
        AssertNear.Relative(1 - 0.3, result.Probability(2, 1), 1e-14, "F(3)");
    }

    [Fact]
    public void Check_OverlapGapAndAbsorbing_AreAllReported()
    {
        int[] subject = [7, 7, 8, 8, 9, 9];
        double[] start = [0, 4, 0, 6, 0, 3];
        double[] stop = [5, 9, 5, 9, 3, 8];
        int[] to = [-1, 1, -1, -1, 2, -1];
        var problems = new AalenJohansen().Check(new MultistateData(subject, start, stop, to, 3, 10, [false, false, true]));
        Assert.Collection(problems,
            p => { Assert.Equal(7, p.Subject); Assert.Contains("overlaps", p.Message, StringComparison.Ordinal); },
            p => { Assert.Equal(8, p.Subject); Assert.Contains("gap", p.Message, StringComparison.Ordinal); },
            p => { Assert.Equal(9, p.Subject); Assert.Contains("absorbing", p.Message, StringComparison.Ordinal); });
    }

    internal static (AalenJohansenResult Result, string[] Ids) FitFile(string file, string[] states, bool reverse = false)
    {
        var data = ValidationCsv.Read(file);
        var ids = data.Numbers("id");
        var start = data.Numbers("start");
        var stop = data.Numbers("stop");
        var events = data.Texts("event");
        var order = Enumerable.Range(0, ids.Length).ToArray();
        if (reverse)
        {
            Array.Reverse(order);
        }
        var distinct = ids.Distinct().Order().ToArray();
        var code = distinct.Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index);
        var subject = order.Select(i => code[ids[i]]).ToArray();
        var to = order.Select(i => events[i].Length == 0 ? AalenJohansen.Censored : Array.IndexOf(states, events[i]) + 1).ToArray();
        var result = new AalenJohansen().Fit(new MultistateData(subject, order.Select(i => start[i]).ToArray(), order.Select(i => stop[i]).ToArray(), to, states.Length + 1, distinct.Length));
        return (result, distinct.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    private static double[][] Rows(JsonElement matrix) =>
        matrix.EnumerateArray().Select(Fixture.Numbers).ToArray();
}
