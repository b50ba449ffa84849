using System.Text.Json;
using Sarc.Statistics.Hypothesis;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Hypothesis;

public class GroupComparisonTest
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            var reference = Fixture.Reference("classic_table1");
            foreach (var set in new[] { "variables", "by_stage" })
            {
                foreach (var v in reference.GetProperty(set).EnumerateArray())
                {
                    data.Add(set, v.GetProperty("name").GetString()!);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_SyntheticCohort_MatchesGtsummaryDefaultsComputedInR(string set, string variable)
    {
        // 64 patients by necrosis group (2 groups) and by stage (3 groups): continuous with missing values, text
        // categories with small cells (Fisher), a numeric with < 10 values (categorical), a binary with large cells (chi-square).
        var expected = Fixture.Reference("classic_table1").GetProperty(set).EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == variable);
        var result = Compare(set == "variables" ? "necrosis_group" : "stage", variable);

        Assert.Equal(expected.GetProperty("kind").GetString(), result.Kind == VariableKind.Continuous ? "continuous" : "categorical");
        Assert.Equal(expected.GetProperty("test").GetString(), ComparisonTestNames.Name(result.Test));
        AssertNear.Relative(expected.GetProperty("statistic"), result.Statistic, Tolerance.PValue, $"{variable} statistic");
        AssertNear.Relative(expected.GetProperty("df"), result.DegreesOfFreedom, Tolerance.Estimate, $"{variable} df");
        AssertNear.Relative(expected.GetProperty("p"), result.P, Tolerance.PValue, $"{variable} p");
        var groups = expected.GetProperty("summary").EnumerateArray().ToArray();
        Assert.Equal(groups.Length, result.Groups.Count);
        for (var g = 0; g < groups.Length; g++)
        {
            CheckGroup(groups[g], result.Groups[g], $"{variable} {result.Groups[g].Group}");
        }
    }

    [Fact]
    public void DefaultKind_NineDistinctValues_IsCategoricalAndTenIsContinuous()
    {
        Assert.Equal(VariableKind.Categorical, GroupComparison.DefaultKind([1, 2, 3, 4, 5, 6, 7, 8, 9, 9, double.NaN]));
        Assert.Equal(VariableKind.Continuous, GroupComparison.DefaultKind([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    }

    [Fact]
    public void Continuous_HandData_SummarisesAndCountsMissingPerGroup()
    {
        // a: 1, 2, 3, 4 and one NaN; b: 10, 20, 30. Type-2 quartiles of 1..4: 1.5 and 3.5; median 2.5.
        var result = Continuous("x", [1, 2, double.NaN, 3, 4, 10, 20, 30], ["a", "a", "a", "a", "a", "b", "b", "b"]);
        var a = result.Groups[0];
        Assert.Equal(("a", 4, 1), (a.Group, a.N, a.Missing));
        Assert.Equal((2.5, 1.5, 3.5), (a.Median, a.Q1, a.Q3));
        Assert.Equal(ComparisonTest.Wilcoxon, result.Test);
        // Every a below every b: W = 0, exact p = 2 / choose(7, 3).
        Assert.Equal(0, result.Statistic);
        AssertNear.Relative(2.0 / 35, result.P, 1e-12, "p");
    }

    [Fact]
    public void Continuous_RowOrder_DoesNotChangeTheComparison()
    {
        var rows = ClassicData.Csv("classic_table1");
        var values = rows.Select(r => ClassicData.Number(r["age"])).ToArray();
        var groups = rows.Select(r => r["stage"]).ToArray();
        var order = Enumerable.Range(0, rows.Count).Reverse().ToArray();
        var forward = Continuous("age", values, groups);
        var reversed = Continuous("age", order.Select(i => values[i]).ToArray(), order.Select(i => groups[i]).ToArray());
        AssertNear.Relative(forward.P, reversed.P, 1e-12, "p");
        Assert.Equal(forward.Groups.Select(g => g.Median), reversed.Groups.Select(g => g.Median));
    }

    [Fact]
    public void Continuous_WelchOverride_MatchesTheTTest()
    {
        double[] values = [5.1, 4.8, 6.2, 5.9, 7.4, 6.8, 8.1, 7.7];
        string[] groups = ["a", "a", "a", "a", "b", "b", "b", "b"];
        var result = Continuous("x", values, groups, ComparisonTest.WelchT);
        var direct = TTest.Welch(values[..4], values[4..]);
        Assert.Equal(ComparisonTest.WelchT, result.Test);
        AssertNear.Relative(direct.P, result.P, 1e-12, "p");
        AssertNear.Relative(direct.DegreesOfFreedom, result.DegreesOfFreedom, 1e-12, "df");
    }

    [Fact]
    public void Continuous_CategoricalTestRequested_Throws()
    {
        Assert.Throws<ArgumentException>(() => Continuous("x", [1, 2, 3], ["a", "a", "b"], ComparisonTest.Fisher));
    }

    [Fact]
    public void Continuous_OneGroupOnly_HasNoTestAndSaysWhy()
    {
        var result = Continuous("x", [1, 2, 3], ["a", "a", "a"]);
        Assert.True(double.IsNaN(result.P));
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public void Categorical_LargeCells_UsesChiSquareAndSmallCellsUseFisher()
    {
        // 20/20 vs 10/30: every expected count >= 5 → chi-square; 2/8 vs 1/9: expected 1.5 → Fisher.
        var large = Categorical("y", Labels(("yes", "a", 20), ("no", "a", 20), ("yes", "b", 10), ("no", "b", 30)), Groups(40, 40));
        Assert.Equal(ComparisonTest.ChiSquare, large.Test);
        AssertNear.Relative(ContingencyChiSquare.Pearson(new[,] { { 30, 20 }, { 10, 20 } }).ChiSquare, large.Statistic, 1e-12, "X²");
        var small = Categorical("y", Labels(("yes", "a", 2), ("no", "a", 8), ("yes", "b", 1), ("no", "b", 9)), Groups(10, 10));
        Assert.Equal(ComparisonTest.Fisher, small.Test);
        AssertNear.Relative(FisherExactTest.PValue(new TwoByTwoTable(8, 9, 2, 1)), small.P, 1e-12, "p");
    }

    [Fact]
    public void Categorical_MissingLabels_AreCountedNotTested()
    {
        string?[] labels = ["x", null, "y", "x", "y", null];
        string[] groups = ["a", "a", "a", "b", "b", "b"];
        var result = Categorical("v", labels, groups);
        Assert.Equal([1, 1], result.Groups.Select(g => g.Missing));
        Assert.Equal([2, 2], result.Groups.Select(g => g.N));
        Assert.Equal(50, result.Groups[0].Levels[0].Percent);
    }

    [Fact]
    public void Categorical_NumericLevels_AreOrderedNumerically()
    {
        var result = Categorical("charlson", [10, 2, 1, 2], ["a", "a", "b", "b"]);
        Assert.Equal(["1", "2", "10"], result.Groups[0].Levels.Select(l => l.Level));
    }

    [Theory]
    [InlineData("welch_t", ComparisonTest.WelchT)]
    [InlineData("t", ComparisonTest.StudentT)]
    [InlineData("Wilcoxon", ComparisonTest.Wilcoxon)]
    [InlineData("kruskal", ComparisonTest.KruskalWallis)]
    [InlineData("chisq", ComparisonTest.ChiSquare)]
    [InlineData("fisher", ComparisonTest.Fisher)]
    public void TestNames_ParseAndRoundTrip(string text, ComparisonTest test)
    {
        Assert.True(ComparisonTestNames.TryParse(text, out var parsed));
        Assert.Equal(test, parsed);
        Assert.Equal(text.ToLowerInvariant(), ComparisonTestNames.Name(test));
    }

    [Fact]
    public void TestNames_Unknown_DoesNotParse()
    {
        Assert.False(ComparisonTestNames.TryParse("anova", out _));
    }

    private static VariableComparison Compare(string groupColumn, string variable)
    {
        var rows = ClassicData.Csv("classic_table1");
        var groups = rows.Select(r => r[groupColumn]).ToArray();
        var texts = rows.Select(r => r[variable]).ToArray();
        var numeric = texts.All(t => t.Length == 0 || double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out _));
        if (!numeric)
        {
            return Categorical(variable, texts.Select(t => t.Length == 0 ? null : t).ToArray(), groups);
        }
        var values = texts.Select(ClassicData.Number).ToArray();
        return GroupComparison.DefaultKind(values) == VariableKind.Continuous
            ? Continuous(variable, values, groups)
            : Categorical(variable, values, groups);
    }

    private static void CheckGroup(JsonElement expected, GroupSummary actual, string what)
    {
        Assert.Equal(expected.GetProperty("group").GetString(), actual.Group);
        Assert.Equal(expected.GetProperty("n").GetInt32(), actual.N);
        Assert.Equal(expected.GetProperty("missing").GetInt32(), actual.Missing);
        if (expected.TryGetProperty("median", out var median))
        {
            AssertNear.Relative(median, actual.Median, Tolerance.Estimate, $"{what} median");
            AssertNear.Relative(expected.GetProperty("q1"), actual.Q1, Tolerance.Estimate, $"{what} q1");
            AssertNear.Relative(expected.GetProperty("q3"), actual.Q3, Tolerance.Estimate, $"{what} q3");
            return;
        }
        var levels = expected.GetProperty("levels").EnumerateArray().ToArray();
        Assert.Equal(levels.Select(l => l.GetProperty("level").GetString()), actual.Levels.Select(l => l.Level));
        for (var l = 0; l < levels.Length; l++)
        {
            Assert.Equal(levels[l].GetProperty("count").GetInt32(), actual.Levels[l].Count);
            AssertNear.Relative(levels[l].GetProperty("percent"), actual.Levels[l].Percent, Tolerance.Estimate, $"{what} {actual.Levels[l].Level} %");
        }
    }

    private static string?[] Labels(params (string Label, string Group, int Count)[] cells) =>
        cells.SelectMany(c => Enumerable.Repeat<string?>(c.Label, c.Count)).ToArray();

    private static string[] Groups(int a, int b) =>
        Enumerable.Repeat("a", a).Concat(Enumerable.Repeat("b", b)).ToArray();

    // The engine takes groups and levels coded in R's order, which the column reader decides; these tests code their
    // labels by ordinal order, which is R's order for every label they use (and for the classic fixture's).
    private static (int[] Codes, string[] Names) Code(IReadOnlyList<string?> labels)
    {
        var names = labels.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray();
        return (labels.Select(l => l is null ? -1 : Array.IndexOf(names, l)).ToArray(), names);
    }

    private static VariableComparison Continuous(string name, double[] values, string[] groups, ComparisonTest? test = null)
    {
        var (codes, names) = Code(groups);
        return GroupComparison.Continuous(name, values, codes, names, test);
    }

    private static VariableComparison Categorical(string name, string?[] labels, string[] groups, ComparisonTest? test = null)
    {
        var (codes, names) = Code(groups);
        var (levels, levelNames) = Code(labels);
        return GroupComparison.Categorical(name, levels, levelNames, codes, names, test);
    }

    /// <summary>A number treated as categorical: levels in numeric order, named as R prints them.</summary>
    private static VariableComparison Categorical(string name, double[] values, string[] groups)
    {
        var (codes, names) = Code(groups);
        var sorted = values.Where(v => !double.IsNaN(v)).Distinct().Order().ToArray();
        var levels = values.Select(v => double.IsNaN(v) ? -1 : Array.IndexOf(sorted, v)).ToArray();
        return GroupComparison.Categorical(name, levels, sorted.Select(v => v.ToString("G15", System.Globalization.CultureInfo.InvariantCulture)).ToArray(), codes, names);
    }
}
