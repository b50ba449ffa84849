using Sarc.Data.Formulas;

namespace Sarc.Data.Tests.Formulas;

public class SplineFormulaTest
{
    [Theory]
    [InlineData("rcs(age, 4)", "rcs(age, 4)", 4)]
    [InlineData("rcs(age)", "rcs(age)", null)]
    [InlineData("rcs(age,3)", "rcs(age, 3)", 3)]
    public void Parse_SplineWithCount_KeepsColumnAndCount(string term, string label, int? count)
    {
        var formula = Formula.Parse($"Surv(t, e) ~ {term} + factor(grade)");
        var variable = formula.Terms[0].Variables.Single();
        Assert.Equal(label, formula.Terms[0].Label);
        Assert.Equal("age", variable.Column);
        Assert.Equal(count, variable.Spline!.Count);
        Assert.Null(variable.Spline.Knots);
        Assert.Equal(["t", "e", "age", "grade"], formula.Columns);
    }

    [Fact]
    public void Parse_SplineWithKnots_ReadsNumbersIncludingNegativeAndExponent()
    {
        var formula = Formula.Parse("Surv(t, e) ~ rcs(x, c(-1.5, 0, 2e1, .5))");
        var spline = formula.Terms[0].Variables[0].Spline!;
        Assert.Equal([-1.5, 0, 20, 0.5], spline.Knots!);
        Assert.Equal("rcs(x, c(-1.5, 0, 20, 0.5))", formula.Terms[0].Label);
    }

    [Fact]
    public void Parse_SameSplineTwice_IsOneTerm()
    {
        var formula = Formula.Parse("Surv(t, e) ~ rcs(x, c(1, 2, 3)) + rcs(x, c(1, 2, 3)) + rcs(x, 3)");
        Assert.Equal(["rcs(x, c(1, 2, 3))", "rcs(x, 3)"], formula.Terms.Select(t => t.Label));
    }

    [Theory]
    [InlineData("Surv(t, e) ~ rcs(x, 2)", "rcs() needs a whole number of knots of at least 3, found '2' at column 21")]
    [InlineData("Surv(t, e) ~ rcs(x, 3.5)", "rcs() needs a whole number of knots of at least 3, found '3.5'")]
    [InlineData("Surv(t, e) ~ rcs(x, y)", "rcs() takes the number of knots or c(k1, k2, ...), found 'y'")]
    [InlineData("Surv(t, e) ~ rcs(x, c(1, a))", "expected a number, found 'a'")]
    [InlineData("Surv(t, e) ~ rcs(x, c(1, 2", "expected ')' at column 27 (end of formula)")]
    [InlineData("Surv(t, e) ~ x + 4", "formula: unexpected '4' at column 18")]
    [InlineData("Surv(t, e) ~ 2x", "formula: unexpected '2x' at column 14")]
    public void Parse_BadSpline_SaysWhereInOneLine(string text, string message)
    {
        var exception = Assert.Throws<DataInputException>(() => Formula.Parse(text));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
