using Sarc.Data.Analysis;
using Sarc.Testing;

namespace Sarc.Data.Tests.Analysis;

public class LevelOrderTest
{
    public static TheoryData<string> Lists() =>
        new(Fixture.Reference("columns").GetProperty("level_order").EnumerateObject().Select(p => p.Name));

    /// <summary>R's sort() of each list of validation/columns.R (ICU root collation, as R 4.2 in C.UTF-8).</summary>
    private static string[] RSorted(string list) =>
        Fixture.Reference("columns").GetProperty("level_order").GetProperty(list).EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Theory]
    [MemberData(nameof(Lists))]
    public void SortDistinct_AnyInputOrder_MatchesRSort(string list)
    {
        var expected = RSorted(list);
        // Reversed and shuffled, with repeats: the result must not depend on the order met.
        var shuffled = expected.Reverse().Concat(expected).OrderBy(_ => Random.Shared.Next()).ToArray();
        Assert.Equal(expected, LevelOrder.SortDistinct(shuffled));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Compare_AdjacentRLevels_AreInROrder(string list)
    {
        var sorted = RSorted(list);
        for (var i = 1; i < sorted.Length; i++)
        {
            Assert.True(LevelOrder.Instance.Compare(sorted[i - 1], sorted[i]) < 0, $"'{sorted[i - 1]}' should sort before '{sorted[i]}'");
            Assert.True(LevelOrder.Instance.Compare(sorted[i], sorted[i - 1]) > 0, $"'{sorted[i]}' should sort after '{sorted[i - 1]}'");
        }
    }

    [Theory]
    // The brief's example: punctuation, then digits as characters, then letters with lower case first.
    [InlineData(new[] { "B", "a", "b", "A", "_x", "10", "9" }, new[] { "_x", "10", "9", "a", "A", "b", "B" })]
    // Case decides only between words otherwise equal: "ab" < "aB" < "Ab" < "AB", but "Aa" < "ab".
    [InlineData(new[] { "AB", "Ab", "aB", "ab", "Aa" }, new[] { "Aa", "ab", "aB", "Ab", "AB" })]
    // Accents are weighed after the letters and before case.
    [InlineData(new[] { "résumé", "Resume", "resume", "resumé" }, new[] { "resume", "Resume", "resumé", "résumé" })]
    public void SortDistinct_HandCases(string[] values, string[] expected) =>
        Assert.Equal(expected, LevelOrder.SortDistinct(values));

    [Fact]
    public void Compare_EqualAtEveryLevel_FallsBackToCodeUnits()
    {
        // A soft hyphen is ignorable in ICU; the order must still be total, so code units decide.
        Assert.True(LevelOrder.Instance.Compare("ab", "a\u00ADb") < 0);
        Assert.Equal(0, LevelOrder.Instance.Compare("ab", "ab"));
        Assert.True(LevelOrder.Instance.Compare(null, "a") < 0);
    }
}
