using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// `sarc cox --transition FROM:TO` on multistate interval data against R's transition-specific coxph
/// (validation/cox_transition.R): the rows at risk, the events and every coefficient of seed 003's transitions.
/// </summary>
public class CoxTransitionCommandTest
{
    private static readonly string Data = Fixture.PathOf("validation", "data", "cox_transition.csv");

    [Fact]
    public void Cox_EveryTransition_MatchesR()
    {
        foreach (var expected in Fixture.Reference("cox_transition").EnumerateArray())
        {
            var transition = expected.GetProperty("transition").GetString()!;
            var actual = CliRun.Of("cox", "--data", Data, "--formula", "Surv(start, stop, event) ~ high_grade + size_cm",
                "--transition", transition, "--id", "id", "--json").Json();
            Assert.Equal(expected.GetProperty("n").GetInt32(), actual.GetProperty("n").GetInt32());
            Assert.Equal(expected.GetProperty("events").GetInt32(), actual.GetProperty("events").GetInt32());
            AssertNear.Relative(expected.GetProperty("loglik"), actual.GetProperty("loglik").GetDouble(), Tolerance.Estimate, $"{transition} loglik");
            var coefficients = actual.GetProperty("coefficients").EnumerateArray().ToArray();
            var coef = Fixture.Numbers(expected.GetProperty("coef"));
            var se = Fixture.Numbers(expected.GetProperty("se"));
            var p = Fixture.Numbers(expected.GetProperty("p"));
            Assert.Equal(coef.Length, coefficients.Length);
            for (var k = 0; k < coef.Length; k++)
            {
                AssertNear.Relative(coef[k], coefficients[k].GetProperty("coef").GetDouble(), Tolerance.Estimate, $"{transition} coef {k}");
                AssertNear.Relative(se[k], coefficients[k].GetProperty("se").GetDouble(), Tolerance.Estimate, $"{transition} se {k}");
                AssertNear.Relative(p[k], coefficients[k].GetProperty("p").GetDouble(), Tolerance.PValue, $"{transition} p {k}");
            }
        }
    }

    [Theory]
    [InlineData("LR-DM", "", "--transition must be FROM:TO")]
    [InlineData("LR:DM", "none", "--transition needs --id")]
    [InlineData("LR:relapse", "", "state 'relapse' never occurs in column 'event'")]
    public void Cox_BadTransition_IsAUserError(string transition, string id, string message)
    {
        List<string> args = ["cox", "--data", Data, "--formula", "Surv(start, stop, event) ~ high_grade", "--transition", transition];
        if (id != "none")
        {
            args.AddRange(["--id", "id"]);
        }
        CliRun.Of([.. args]).AssertUserError(message);
    }

    [Fact]
    public void Cox_TransitionWithoutStartTime_IsAUserError()
    {
        CliRun.Of("cox", "--data", Data, "--formula", "Surv(stop, event) ~ high_grade", "--transition", "LR:DM", "--id", "id")
            .AssertUserError("needs counting-process data");
    }
}
