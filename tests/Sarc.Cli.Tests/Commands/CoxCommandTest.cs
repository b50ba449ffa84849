using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public sealed class CoxCommandTest : IDisposable
{
    private readonly List<string> files = [];

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("efron")]
    [InlineData("counting")]
    public void Cox_Json_MatchesRCoxphAndCoxZph(string model)
    {
        var expected = Fixture.Reference("cox").GetProperty(model);
        var data = Fixture.PathOf("validation", "data", expected.GetProperty("data").GetString() + ".csv");
        var json = CliRun.Of("cox", "--data", data, "--formula", expected.GetProperty("formula").GetString()!,
            "--ties", expected.GetProperty("ties").GetString()!, "--zph", "--json").Json();

        Assert.Equal(expected.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(expected.GetProperty("events").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(expected.GetProperty("n_excluded").GetInt32(), json.GetProperty("n_excluded").GetInt32());
        var coefficients = json.GetProperty("coefficients").EnumerateArray().ToArray();
        var coef = Fixture.Numbers(expected.GetProperty("coef"));
        var se = Fixture.Numbers(expected.GetProperty("se"));
        var p = Fixture.Numbers(expected.GetProperty("p"));
        var terms = expected.GetProperty("terms").EnumerateArray().Select(t => t.GetString()).ToArray();
        Assert.Equal(coef.Length, coefficients.Length);
        for (var i = 0; i < coef.Length; i++)
        {
            Assert.Equal(terms[i], coefficients[i].GetProperty("term").GetString());
            AssertNear.Relative(coef[i], coefficients[i].GetProperty("coef").GetDouble(), Tolerance.Estimate, $"coef {terms[i]}");
            AssertNear.Relative(se[i], coefficients[i].GetProperty("se").GetDouble(), Tolerance.Estimate, $"se {terms[i]}");
            AssertNear.Relative(Math.Exp(coef[i]), coefficients[i].GetProperty("hr").GetDouble(), Tolerance.Estimate, $"hr {terms[i]}");
            AssertNear.Relative(p[i], coefficients[i].GetProperty("p").GetDouble(), Tolerance.PValue, $"p {terms[i]}");
            Assert.Equal(expected.GetProperty("robust_se").ValueKind == JsonValueKind.Array,
                coefficients[i].TryGetProperty("robust_se", out _));
        }
        foreach (var test in new[] { "lr_test", "wald_test", "score_test" })
        {
            AssertNear.Relative(expected.GetProperty(test).GetProperty("chisq"), json.GetProperty(test).GetProperty("chisq").GetDouble(), Tolerance.PValue, test);
        }
        AssertNear.Relative(expected.GetProperty("concordance"), json.GetProperty("concordance").GetDouble(), Tolerance.PValue, "concordance");
        var loglik = Fixture.Numbers(expected.GetProperty("loglik"));
        AssertNear.Relative(loglik[0], json.GetProperty("loglik_null").GetDouble(), Tolerance.Estimate, "loglik_null");
        AssertNear.Relative(expected.GetProperty("zph").GetProperty("global").GetProperty("chisq"),
            json.GetProperty("ph_test").GetProperty("global").GetProperty("chisq").GetDouble(), Tolerance.PValue, "zph global");
    }

    [Fact]
    public void Cox_WithoutZph_HasNoPhTest()
    {
        var json = CliRun.Of("cox", "--data", Fixture.PathOf("validation", "data", "cox_sarcoma.csv"),
            "--formula", "Surv(time, status) ~ size", "--json").Json();
        Assert.False(json.TryGetProperty("ph_test", out _));
        Assert.Equal("efron", json.GetProperty("ties").GetString());
    }

    [Fact]
    public void Cox_Readable_ShowsCoefficientTableAndTests()
    {
        var run = CliRun.Of("cox", "--data", Fixture.PathOf("validation", "data", "cox_sarcoma.csv"),
            "--formula", "Surv(time, status) ~ size + depth", "--ties", "breslow");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("depthsuperficial", run.Output, StringComparison.Ordinal);
        Assert.Contains("Likelihood ratio test", run.Output, StringComparison.Ordinal);
        Assert.Contains("Score (logrank) test", run.Output, StringComparison.Ordinal);
        Assert.Contains("ties = breslow", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cox_PerfectSeparator_WarnsOnStderrAndSucceeds()
    {
        var run = CliRun.Of("cox", "--data", Fixture.PathOf("validation", "data", "cox_separation.csv"),
            "--formula", "Surv(time, status) ~ marker + age", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("may be infinite", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Json().GetProperty("warnings").EnumerateArray());
    }

    [Theory]
    [InlineData("Surv(time, status) ~ size + depth)", "formula: unexpected ')' at column 34")]
    [InlineData("Surv(time, status) ~ size +", "formula: unexpected end of formula at column 28")]
    [InlineData("Surv(time, status) ~ sise", "'sise', which is not in the data; did you mean 'size'?")]
    [InlineData("Surv(label, status) ~ size", "line 2: column 'label' must be a numeric time, found 'a'")]
    [InlineData("Surv(time, bad) ~ size", "line 4: column 'bad': event must be 0/1, 1/2 (2 = event), TRUE/FALSE or T/F, found '3'")]
    [InlineData("Surv(time, none) ~ size", "no events")]
    [InlineData("Surv(time, status) ~ size + label1", "column 'label1' has a single level ('x')")]
    [InlineData("Surv(size, time, status) ~ label", "must be less than stop time")]
    public void Cox_BadInput_IsAOneLineUserError(string formula, string message)
    {
        var path = WriteCsv(
            "time,status,size,label,bad,none,label1",
            "5,1,2,a,1,0,x",
            "7,0,3,b,0,0,x",
            "9,1,1,a,3,0,x",
            "3,1,8,b,1,0,x");
        CliRun.Of("cox", "--data", path, "--formula", formula).AssertUserError(message);
    }

    [Fact]
    public void Cox_UnknownTies_IsAUserError()
    {
        var path = WriteCsv("time,status,size", "5,1,2", "7,0,3", "3,1,1");
        CliRun.Of("cox", "--data", path, "--formula", "Surv(time, status) ~ size", "--ties", "exact").AssertUserError("exact");
    }

    [Fact]
    public void Cox_IntervalThatCollapsesUnderTimeFix_IsAUserErrorNamingItsLine()
    {
        var path = WriteCsv("start,stop,status,x", "0,2,1,1", "2,2.0000000001,1,0", "0,3,0,1", "0,4,1,0");
        CliRun.Of("cox", "--data", path, "--formula", "Surv(start, stop, status) ~ x")
            .AssertUserError("line 3: the interval (2, 2.0000000001] has length 0 once near-equal times are merged (R's aeqSurv)");
    }

    [Fact]
    public void Cox_FormulaNestedThousandsDeep_IsAUserError()
    {
        var path = WriteCsv("time,status,x", "5,1,2", "7,0,3", "3,1,1");
        var deep = new string('(', 5000) + "x" + new string(')', 5000);
        CliRun.Of("cox", "--data", path, "--formula", $"Surv(time, status) ~ {deep}").AssertUserError("formula: parentheses nested more than 100 deep");
    }

    private string WriteCsv(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sarc-cox-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        files.Add(path);
        return path;
    }
}
