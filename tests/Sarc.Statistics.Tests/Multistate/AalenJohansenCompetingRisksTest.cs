using Sarc.Statistics.CompetingRisks;
using Sarc.Statistics.Multistate;
using Sarc.Statistics.Tests.CompetingRisks;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Multistate;

/// <summary>
/// Competing risks are the simplest multistate model (entry → cause k, all absorbing): the Aalen-Johansen occupancy
/// of state k must equal the cumulative incidence of cause k, and the occupancy of entry the all-cause Kaplan-Meier.
/// Two independent code paths (cmprsk's cinc port and survival's survfitci port) checked against each other.
/// </summary>
public class AalenJohansenCompetingRisksTest
{
    [Fact]
    public void Fit_CompetingRisksAsStates_EqualsCumulativeIncidence()
    {
        var data = ValidationCsv.Read("cif_three", "time", "status");
        var time = data.Numbers("time");
        var status = data.Integers("status");
        // Rows at time 0 cannot be (start, stop] intervals; both estimators give them no weight before 0 anyway,
        // but R's survfit would reject them, so shift every time by one unit (a shift changes neither estimator).
        var n = time.Length;
        var start = new double[n];
        var stop = time.Select(t => t + 1).ToArray();
        var subject = Enumerable.Range(0, n).ToArray();
        var to = status.Select(s => s == 0 ? AalenJohansen.Censored : s).ToArray();
        var multistate = new AalenJohansen().Fit(new MultistateData(subject, start, stop, to, 4, n));
        var incidence = Cif(time, status);
        foreach (var cause in incidence.Causes)
        {
            var curve = incidence.Curve(0, cause);
            for (var t = 0; t < multistate.Times.Length; t++)
            {
                var original = multistate.Times[t] - 1;
                AssertNear.Relative(curve.EstimateAt(original), multistate.Probability(t, cause), 1e-12, $"cause {cause} at {original}");
            }
        }
    }

    private static CumulativeIncidenceResult Cif(double[] time, int[] status, int[]? group = null, int groupCount = 1, CumulativeIncidenceOptions? options = null) =>
        new CumulativeIncidence(options).Fit(new CompetingRisksData(time, status, group, groupCount));
}
