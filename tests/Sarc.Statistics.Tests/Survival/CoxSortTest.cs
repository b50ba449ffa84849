using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

public class CoxSortTest
{
    [Theory]
    [InlineData(100, false)]
    [InlineData(100, true)]
    [InlineData(20000, false)]
    [InlineData(20000, true)]
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
}
