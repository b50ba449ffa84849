using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

/// <summary>The radix sort that large analyses use, against the comparison sort it replaces (its oracle).</summary>
public class TimeSortTest
{
    [Theory]
    [InlineData(11, 10_000)]
    [InlineData(12, 5_000)]
    public void Radix_RandomTimesWithTiesZerosAndWideRange_SortsLikeArraySort(int seed, int n)
    {
        var random = new Random(seed);
        var time = new double[n];
        var status = new bool[n];
        var group = new int[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = (i % 5) switch
            {
                0 => random.Next(0, 50),                       // whole months: ties
                1 => random.Next(0, 3000) / 30.4375,           // days in months: full mantissas
                2 => random.NextDouble() * 1e-3,               // tiny times: other exponents
                3 => random.NextDouble() * 1e6,
                _ => random.Next(2) == 0 ? 0.0 : -0.0,         // both zeros
            };
            status[i] = random.Next(2) == 1;
            group[i] = random.Next(7);
        }

        var radix = TimeSort.Radix(time, status, group);
        var comparison = TimeSort.Comparison(time, status, group);

        Assert.Equal(comparison.Time, radix.Time);
        // Order within tied times is unspecified, so compare the rows as sorted tuples.
        Assert.Equal(Rows(comparison), Rows(radix));
    }

    [Fact]
    public void Sort_SmallInput_UsesComparisonAndKeepsRowsTogether()
    {
        var sorted = TimeSort.Sort([3, 1, 2], [true, false, true], [2, 0, 1]);

        Assert.Equal([1.0, 2, 3], sorted.Time);
        Assert.Equal([false, true, true], sorted.Status);
        Assert.Equal([0, 1, 2], sorted.Group);
    }

    private static List<(double, bool, int)> Rows((double[] Time, bool[] Status, int[] Group) sorted) =>
        sorted.Time.Select((t, i) => (t == 0 ? 0.0 : t, sorted.Status[i], sorted.Group[i])).Order().ToList();
}
