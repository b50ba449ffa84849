using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>`sarc finegray --json` end to end against cmprsk::crr on the same files (validation/finegray.R, fully converged fits).</summary>
public class FinegrayCommandTest
{
    [Theory]
    [InlineData("small", "finegray_small", "Surv(time, status) ~ age + grade3 + size", 1)]
    [InlineData("small_one", "finegray_small", "Surv(time, status) ~ grade3", 2)]
    [InlineData("three", "finegray_three", "Surv(time, status) ~ age + grade3 + size", 2)]
    // factor() of a 0/1 column codes the same contrast, so the fit must be the same.
    [InlineData("small_one", "finegray_small", "Surv(time, status) ~ factor(grade3)", 2)]
    public void Finegray_Json_MatchesRCrr(string name, string file, string formula, int cause)
    {
        var reference = Fixture.Reference("finegray").GetProperty(name);
        var expected = reference.GetProperty("converged");
        var json = CliRun.Of("finegray", "--data", Fixture.PathOf("validation", "data", file + ".csv"), "--formula", formula,
            "--cause", cause.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json").Json();
        Assert.Equal(expected.GetProperty("n").GetInt32(), json.GetProperty("n").GetInt32());
        Assert.Equal(expected.GetProperty("events").GetInt32(), json.GetProperty("events").GetInt32());
        Assert.Equal(reference.GetProperty("excluded").GetInt32(), json.GetProperty("n_excluded").GetInt32());
        var coef = Fixture.Numbers(expected.GetProperty("coef"));
        var se = Fixture.Numbers(expected.GetProperty("se"));
        var rows = json.GetProperty("coefficients").EnumerateArray().ToArray();
        Assert.Equal(coef.Length, rows.Length);
        for (var k = 0; k < coef.Length; k++)
        {
            AssertNear.Relative(coef[k], rows[k].GetProperty("coef").GetDouble(), Tolerance.Estimate, $"coef {k}");
            AssertNear.Relative(se[k], rows[k].GetProperty("se").GetDouble(), Tolerance.PValue, $"se {k}");
            AssertNear.Relative(Math.Exp(coef[k]), rows[k].GetProperty("hr").GetDouble(), Tolerance.Estimate, $"hr {k}");
            AssertNear.Relative(Math.Exp(coef[k] - 1.959963984540054 * se[k]), rows[k].GetProperty("hr_lower").GetDouble(), Tolerance.PValue, $"hr_lower {k}");
            AssertNear.Relative(coef[k] / se[k], rows[k].GetProperty("z").GetDouble(), Tolerance.PValue, $"z {k}");
        }
    }

    [Theory]
    [InlineData("time,status,x\n1,1,0.5\n2,-1,1\n", "1", "line 3: column 'status': status must be 0 (censored) or a positive whole-number cause, found '-1'")]
    [InlineData("time,status,x\n1,1,0.5\n2,2,1\n3,0,2\n", "3", "cause 3 does not occur in column 'status'")]
    public void Finegray_BadStatusOrCause_IsAUserError(string csv, string cause, string message)
    {
        using var file = new TempFile(csv);
        CliRun.Of("finegray", "--data", file.Path, "--formula", "Surv(time, status) ~ x", "--cause", cause).AssertUserError(message);
    }
}
