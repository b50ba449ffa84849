using Sarc.Statistics.Multistate;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Multistate;

/// <summary>The accumulated-influence kernel against the plain port of survfitci, its oracle, on the edges R handles.</summary>
public class AalenJohansenKernelTest
{
    // Each case exists for an edge of the accumulation: ties of several moves at one time (integer times), subjects
    // returning to a state they left (the residual of a subject re-entering a risk set), late entry (the first row
    // starting after 0), rows "moving" into the state they are in (not a transition), and enough event times for
    // several levels of the product tree (thousands of subjects, continuous times).
    [Theory]
    [InlineData(40, 3, 1, true, false)]
    [InlineData(300, 4, 2, true, false)]
    [InlineData(300, 4, 3, false, true)]
    [InlineData(2000, 5, 4, false, true)]
    [InlineData(3000, 3, 5, true, true)]
    public void Fit_RandomPaths_EqualsReferenceKernel(int subjects, int states, int seed, bool integerTimes, bool lateEntry)
    {
        var data = Paths(subjects, states, seed, integerTimes, lateEntry, moveRate: 1);
        AssertSame(data, states, subjects);
    }

    [Fact]
    public void Fit_AllCensored_EqualsReferenceKernelWithZeroErrors()
    {
        var data = Paths(50, 3, 7, integerTimes: true, lateEntry: false, moveRate: 0);
        Assert.DoesNotContain(data.To, to => to >= 0);
        var fast = AssertSame(data, 3, 50);
        Assert.All(fast.StandardErrors, se => Assert.Equal(0, se));
        Assert.All(fast.Probabilities.Where((_, i) => i % 3 == 0), p => Assert.Equal(1, p));
    }

    [Fact]
    public void Fit_OneSubject_EqualsReferenceKernel()
    {
        int[] subject = [0, 0, 0];
        double[] start = [0, 2, 5];
        double[] stop = [2, 5, 9];
        int[] to = [1, 0, 2];
        var fast = AalenJohansenKernel.Fit(subject, start, stop, to, 3, 1);
        var plain = AalenJohansenReferenceKernel.Fit(subject, start, stop, to, 3, 1);
        AssertEqual(plain, fast);
        // One subject: every step moves everybody, the occupancy is certain and so has no variance.
        Assert.All(fast.StandardErrors, se => Assert.Equal(0, se));
    }

    [Fact]
    public void Fit_EveryoneLeavesAStateAtOnce_EqualsReferenceKernel()
    {
        // At time 3 both subjects in state 1 move on: H has a zero on its diagonal, so the products are singular.
        int[] subject = [0, 0, 1, 1, 2, 3];
        double[] start = [0, 1, 0, 2, 0, 0];
        double[] stop = [1, 3, 2, 3, 4, 5];
        int[] to = [1, 2, 1, 0, -1, 2];
        AssertSame((subject, start, stop, to), 3, 4);
    }

    private static AalenJohansenResult AssertSame((int[] Subject, double[] Start, double[] Stop, int[] To) data, int states, int subjects)
    {
        var fast = AalenJohansenKernel.Fit(data.Subject, data.Start, data.Stop, data.To, states, subjects);
        var plain = AalenJohansenReferenceKernel.Fit(data.Subject, data.Start, data.Stop, data.To, states, subjects);
        AssertEqual(plain, fast);
        return fast;
    }

    private static void AssertEqual(AalenJohansenResult plain, AalenJohansenResult fast)
    {
        Assert.Equal(plain.Times, fast.Times);
        Assert.Equal(plain.AtRisk, fast.AtRisk);
        Assert.Equal(plain.Transitions, fast.Transitions);
        Assert.Equal(plain.Subjects, fast.Subjects);
        for (var i = 0; i < plain.Probabilities.Length; i++)
        {
            AssertNear.Relative(plain.Probabilities[i], fast.Probabilities[i], 1e-12, $"pstate[{i / plain.StateCount},{i % plain.StateCount}]");
            AssertNear.Relative(plain.StandardErrors[i], fast.StandardErrors[i], 1e-10, $"std.err[{i / plain.StateCount},{i % plain.StateCount}]");
        }
    }

    // Random paths over `states` states, any state reachable from any other except the last (absorbing), censoring
    // in every state. moveRate 0 gives all-censored data.
    internal static (int[] Subject, double[] Start, double[] Stop, int[] To) Paths(
        int subjects, int states, int seed, bool integerTimes, bool lateEntry, double moveRate)
    {
        var random = new Random(seed);
        var subject = new List<int>();
        var start = new List<double>();
        var stop = new List<double>();
        var to = new List<int>();
        for (var i = 0; i < subjects; i++)
        {
            var t = lateEntry && random.NextDouble() < 0.3 ? Round(random.NextDouble() * 20, integerTimes) : 0;
            var censor = t + 5 + random.NextDouble() * 60;
            var state = 0;
            while (true)
            {
                var wait = Math.Max(Round(-Math.Log(random.NextDouble()) * 15 / Math.Max(moveRate, 1e-9), integerTimes), integerTimes ? 1 : 0.01);
                if (moveRate == 0 || t + wait >= censor)
                {
                    subject.Add(i);
                    start.Add(t);
                    stop.Add(Math.Max(Round(censor, integerTimes), t + (integerTimes ? 1 : 0.01)));
                    to.Add(AalenJohansen.Censored);
                    break;
                }
                // One move in ten is into the state the subject is in: a row boundary, not a transition.
                var next = random.NextDouble() < 0.1 ? state : random.Next(states);
                subject.Add(i);
                start.Add(t);
                stop.Add(t + wait);
                to.Add(next);
                t += wait;
                state = next;
                if (state == states - 1)
                {
                    break;
                }
            }
        }
        return ([.. subject], [.. start], [.. stop], [.. to]);
    }

    private static double Round(double value, bool integer) => integer ? Math.Round(value) : Math.Round(value, 2);
}
