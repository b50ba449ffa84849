using Sarc.Data.Formulas;

namespace Sarc.Data.Tests.Formulas;

public class FormulaTest
{
    [Fact]
    public void Parse_MainEffectsStrataCluster_SplitsThemApart()
    {
        var formula = Formula.Parse("Surv(time, status) ~ age + factor(grade) + strata(site) + cluster(id)");
        Assert.Equal(new SurvivalResponse(null, "time", "status"), formula.Response);
        Assert.Equal(["age", "factor(grade)"], formula.Terms.Select(t => t.Label));
        Assert.Equal(["site"], formula.StrataColumns);
        Assert.Equal("id", formula.ClusterColumn);
        Assert.Equal(["time", "status", "age", "grade", "site", "id"], formula.Columns);
    }

    [Fact]
    public void Parse_CountingProcess_HasStartStopEvent()
    {
        var formula = Formula.Parse("Surv(start, stop, death) ~ lr");
        Assert.True(formula.Response.IsCountingProcess);
        Assert.Equal("start", formula.Response.Start);
    }

    // Expected labels are R's attr(terms(f), "term.labels") for the same right-hand sides.
    [Theory]
    [InlineData("a*b*c + x", "a,b,c,x,a:b,a:c,b:c,a:b:c")]
    [InlineData("(a+b):(c+d)", "a:c,a:d,b:c,b:d")]
    [InlineData("b:a + a", "a,b:a")]
    [InlineData("a:b + b:a", "a:b")]
    [InlineData("a + a", "a")]
    [InlineData("age*depth + size:factor(grade)", "age,depth,age:depth,size:factor(grade)")]
    [InlineData("`tumour size` + 1", "tumour size")]
    public void Parse_TermAlgebra_OrdersTermsAsR(string rhs, string labels)
    {
        var formula = Formula.Parse("Surv(t, e) ~ " + rhs);
        Assert.Equal(labels.Split(','), formula.Terms.Select(t => t.Label));
    }

    [Theory]
    [InlineData("Surv(time, status) ~ size + depth)", "formula: unexpected ')' at column 34")]
    [InlineData("Surv(time, status) ~ ", "formula: unexpected end of formula at column 22")]
    [InlineData("Surv(time) ~ x", "Surv() takes (time, event) or (start, stop, event)")]
    [InlineData("time ~ x", "expected 'Surv(time, event)'")]
    [InlineData("Surv(time, status) ~ log(x)", "unsupported function 'log()' at column 22")]
    [InlineData("Surv(time, status) x", "formula: unexpected 'x' at column 20")]
    [InlineData("Surv(time, status) ~ a & b", "formula: unexpected '&' at column 24")]
    [InlineData("Surv(time, status) ~ x:strata(s)", "strata() cannot be part of an interaction at column 24")]
    [InlineData("Surv(time, status) ~ 1", "no covariates")]
    public void Parse_BadSyntax_SaysWhereInOneLine(string text, string message)
    {
        var exception = Assert.Throws<DataInputException>(() => Formula.Parse(text));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void Parse_ParenthesesThousandsDeep_IsAOneLineUserErrorNotAStackOverflow()
    {
        // Issue 17: 5000 levels of '(' overflowed the stack, which aborted `study run` and killed `sarc serve`.
        var deep = "Surv(t, e) ~ " + new string('(', 5000) + "age" + new string(')', 5000);
        var exception = Assert.Throws<DataInputException>(() => Formula.Parse(deep));
        Assert.Equal("formula: parentheses nested more than 100 deep at column 114", exception.Message);
    }

    [Fact]
    public void Parse_ParenthesesAtTheLimit_Parse()
    {
        var formula = Formula.Parse("Surv(t, e) ~ " + new string('(', 100) + "age + sex" + new string(')', 100));
        Assert.Equal(["age", "sex"], formula.Terms.Select(t => t.Label));
    }

    [Fact]
    public void Parse_ProductOfManyVariables_IsBoundedNotExponential()
    {
        // a*b*...*l expands to 2^12 - 1 = 4095 terms; the parser stops at 1000 instead of taking minutes.
        var product = string.Join("*", Enumerable.Range(0, 12).Select(i => $"x{i}"));
        var exception = Assert.Throws<DataInputException>(() => Formula.Parse("Surv(t, e) ~ " + product));
        Assert.Equal("formula: more than 1000 terms", exception.Message);
    }

    [Fact]
    public void Parse_RandomText_GivesAFormulaOrAOneLineUserError()
    {
        // A bounded fuzz over the formula's own alphabet: nothing but a result or a DataInputException.
        string[] pieces = ["Surv", "(", ")", "(", ")", ",", "+", "*", ":", "~", "1", "a", "b", "t", "e", "factor", "strata", "cluster", " ", "`x y`", "`", "-", "^", "\n"];
        var random = new Random(17);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (random.Next(2) == 0)
            {
                text = "Surv(t, e) ~ " + text;
            }
            try
            {
                Formula.Parse(text);
            }
            catch (DataInputException e)
            {
                Assert.DoesNotContain('\n', e.Message);
            }
        }
    }
}
