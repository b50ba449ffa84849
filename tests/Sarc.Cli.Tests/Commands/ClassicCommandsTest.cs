using System.Globalization;
using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// table2x2, compare and correlate end to end against the values R computed (validation/classic.R): the commands must
/// print R's numbers, not merely call code that does.
/// </summary>
public class ClassicCommandsTest
{
    private static readonly string[] TwoByTwoFields =
    [
        "fisher_p", "fisher_midp", "chisq", "chisq_p", "chisq_yates", "chisq_yates_p", "or", "or_lower", "or_upper",
        "or_conditional", "or_conditional_lower", "or_conditional_upper",
    ];

    [Fact]
    public void Table2x2_EveryReferenceTable_MatchesR()
    {
        foreach (var reference in Fixture.Reference("classic_2x2").GetProperty("cases").EnumerateArray())
        {
            var counts = string.Join(',', reference.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
            var actual = CliRun.Of("table2x2", "--counts", counts, "--json").Json();
            foreach (var field in TwoByTwoFields)
            {
                if (double.IsInfinity(Fixture.Number(reference.GetProperty(field))))
                {
                    // JSON has no infinity: an infinite odds ratio or limit is printed as null (docs/cli.md).
                    Assert.Equal(JsonValueKind.Null, actual.GetProperty(field).ValueKind);
                    continue;
                }
                var tolerance = field is "or" or "or_conditional" ? Tolerance.Estimate : Tolerance.PValue;
                AssertNear.Relative(reference.GetProperty(field), Fixture.Number(actual.GetProperty(field)), tolerance, $"{reference.GetProperty("name")} {field}");
            }
        }
    }

    [Theory]
    // Seed 000 (necrosis after neoadjuvant RT), as the abstract rounds them.
    [InlineData("4,28,8,24", "fisher_p", 0.337)]
    [InlineData("15,17,8,24", "or", 2.647)]
    [InlineData("15,17,8,24", "fisher_p", 0.117)]
    [InlineData("8,24,4,28", "or", 2.333)]
    [InlineData("8,24,4,28", "fisher_p", 0.337)]
    [InlineData("15,17,7,25", "fisher_midp", 0.041)]
    public void Table2x2_Seed000_ReproducesThePublishedNumbers(string counts, string field, double published)
    {
        var actual = CliRun.Of("table2x2", "--counts", counts, "--json").Json();
        Assert.Equal(published, Math.Round(actual.GetProperty(field).GetDouble(), 3));
    }

    [Theory]
    [InlineData("1,2,3", "four counts")]
    [InlineData("1,2,-3,4", "'-3' is not a non-negative whole number")]
    [InlineData("1,2,3.5,4", "'3.5' is not a non-negative whole number")]
    [InlineData("a,b,c,d", "'a' is not a non-negative whole number")]
    public void Table2x2_BadCounts_AreUserErrors(string counts, string message)
    {
        CliRun.Of("table2x2", "--counts", counts).AssertUserError(message);
    }

    [Fact]
    public void Compare_Table1_MatchesR()
    {
        var reference = Fixture.Reference("classic_table1");
        var variables = reference.GetProperty("variables").EnumerateArray().ToArray();
        var names = string.Join(',', variables.Select(v => v.GetProperty("name").GetString()));
        var actual = CliRun.Of("compare", "--data", Fixture.PathOf("validation", "data", "classic_table1.csv"),
            "--group", reference.GetProperty("group").GetString()!, "--vars", names, "--json").Json();
        var actualVariables = actual.GetProperty("variables").EnumerateArray().ToArray();
        Assert.Equal(variables.Length, actualVariables.Length);
        for (var v = 0; v < variables.Length; v++)
        {
            var expected = variables[v];
            var got = actualVariables[v];
            var name = expected.GetProperty("name").GetString();
            Assert.Equal(expected.GetProperty("kind").GetString(), got.GetProperty("kind").GetString());
            Assert.Equal(expected.GetProperty("test").GetString(), got.GetProperty("test").GetString());
            foreach (var field in new[] { "statistic", "df", "p" })
            {
                AssertNear.Relative(expected.GetProperty(field), Fixture.Number(got.GetProperty(field)), Tolerance.PValue, $"{name} {field}");
            }
            var expectedSummary = expected.GetProperty("summary").EnumerateArray().ToArray();
            var gotSummary = got.GetProperty("summary").EnumerateArray().ToArray();
            Assert.Equal(expectedSummary.Length, gotSummary.Length);
            for (var g = 0; g < expectedSummary.Length; g++)
            {
                Assert.Equal(expectedSummary[g].GetProperty("group").GetString(), gotSummary[g].GetProperty("group").GetString());
                Assert.Equal(expectedSummary[g].GetProperty("n").GetInt32(), gotSummary[g].GetProperty("n").GetInt32());
                Assert.Equal(expectedSummary[g].GetProperty("missing").GetInt32(), gotSummary[g].GetProperty("missing").GetInt32());
                if (expected.GetProperty("kind").GetString() == "continuous")
                {
                    foreach (var field in new[] { "median", "q1", "q3" })
                    {
                        AssertNear.Relative(expectedSummary[g].GetProperty(field), Fixture.Number(gotSummary[g].GetProperty(field)), Tolerance.Estimate, $"{name} {field}");
                    }
                }
                else
                {
                    var expectedLevels = expectedSummary[g].GetProperty("levels").EnumerateArray().ToArray();
                    var gotLevels = gotSummary[g].GetProperty("levels").EnumerateArray().ToArray();
                    Assert.Equal(expectedLevels.Select(l => (l.GetProperty("level").GetString(), l.GetProperty("count").GetInt32())),
                        gotLevels.Select(l => (l.GetProperty("level").GetString(), l.GetProperty("count").GetInt32())));
                }
            }
        }
    }

    [Fact]
    public void Compare_TestOverride_UsesTheNamedTest()
    {
        var json = CliRun.Of("compare", "--data", Fixture.PathOf("validation", "data", "classic_table1.csv"),
            "--group", "necrosis_group", "--vars", "age,sex", "--tests", "age=welch_t,sex=fisher", "--json").Json();
        var variables = json.GetProperty("variables").EnumerateArray().ToArray();
        Assert.Equal("welch_t", variables[0].GetProperty("test").GetString());
        Assert.Equal("fisher", variables[1].GetProperty("test").GetString());
    }

    [Theory]
    [InlineData("smoking=wilcoxon", "wilcoxon needs a numeric column, and 'smoking' is text")]
    [InlineData("smoking=anova", "'smoking=anova' is not variable=test")]
    [InlineData("weight=t", "'weight' is not one of --vars")]
    public void Compare_BadTestOverride_IsAUserError(string tests, string message)
    {
        CliRun.Of("compare", "--data", Fixture.PathOf("validation", "data", "classic_table1.csv"),
            "--group", "necrosis_group", "--vars", "age,smoking", "--tests", tests).AssertUserError(message);
    }

    [Fact]
    public void Compare_UnknownVariable_ListsTheColumns()
    {
        CliRun.Of("compare", "--data", Fixture.PathOf("validation", "data", "classic_table1.csv"),
            "--group", "necrosis_group", "--vars", "age,weight").AssertUserError("column 'weight' not found; the columns are:");
    }

    [Theory]
    [InlineData("pearson")]
    [InlineData("spearman")]
    public void Correlate_MatchesRWithPairwiseCompleteCases(string method)
    {
        var cases = Fixture.Reference("classic_correlation").GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("method").GetString() == method && c.GetProperty("x").GetString() == "necrosis").ToArray();
        Assert.NotEmpty(cases);
        var ys = string.Join(',', cases.Select(c => c.GetProperty("y").GetString()));
        var actual = CliRun.Of("correlate", "--data", Fixture.PathOf("validation", "data", "classic_correlation.csv"),
            "--x", "necrosis", "--y", ys, "--method", method, "--json").Json();
        var pairs = actual.GetProperty("pairs").EnumerateArray().ToArray();
        Assert.Equal(cases.Length, pairs.Length);
        for (var i = 0; i < cases.Length; i++)
        {
            var what = $"{method} necrosis ~ {cases[i].GetProperty("y")}";
            Assert.Equal(cases[i].GetProperty("n").GetInt32(), pairs[i].GetProperty("n").GetInt32());
            AssertNear.Relative(cases[i].GetProperty("estimate"), pairs[i].GetProperty("estimate").GetDouble(), Tolerance.Estimate, what + " estimate");
            AssertNear.Relative(cases[i].GetProperty("p"), pairs[i].GetProperty("p").GetDouble(), Tolerance.PValue, what + " p");
        }
    }

    [Fact]
    public void Correlate_TextColumn_IsAUserError()
    {
        using var csv = new TempFile("x,y\n1,a\n2,b\n");
        CliRun.Of("correlate", "--data", csv.Path, "--x", "x", "--y", "y").AssertUserError("line 2: column 'y' must be numeric, found 'a'");
    }
}
