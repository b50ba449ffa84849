using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

public class CoxSortTest
{
    [Theory]
    [InlineData(100, false)]
    [InlineData(100, true)]
    [InlineData(20000, false)]
    [InlineData(20000, true)]
    // Sorted in two halves side by side and merged: ties across the halves keep the input order.
    [InlineData(CoxSort.ParallelRows + 1, false)]
    [InlineData(CoxSort.ParallelRows * 2, true)]
    public void ByKey_MixedSignsTiesAndInfinities_EqualsAStableSort(int n, bool descending)
    {
        var random = new Random(n);
        var key = new double[n];
        for (var i = 0; i < n; i++)
        {
            key[i] = (random.Next(10)) switch
            {
                0 => double.NegativeInfinity,
                1 => 0.0,
                2 => -0.0,
                _ => Math.Round(random.NextDouble() * 200 - 100, 1),
            };
        }
        var items = Enumerable.Range(0, n).Reverse().ToArray();
        var expected = descending
            ? items.OrderByDescending(i => key[i]).ToArray()
            : items.OrderBy(i => key[i]).ToArray();
        Assert.Equal(expected, CoxSort.ByKey(key, items, descending));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SortInHalves_FewKeysManyTies_EqualsAStableSort(bool descending)
    {
        // Three keys only: every tie crosses the halves, so the merge's choice on equal keys decides the order.
        var random = new Random(5);
        var n = 10_001;
        var key = Enumerable.Range(0, n).Select(_ => (double)random.Next(3)).ToArray();
        var items = Enumerable.Range(0, n).Select(i => (i * 7919) % n).ToArray();
        var expected = descending ? items.OrderByDescending(i => key[i]).ToArray() : items.OrderBy(i => key[i]).ToArray();
        Assert.Equal(expected, CoxSort.SortInHalves(key, items, descending, new int[n]));
    }
}
