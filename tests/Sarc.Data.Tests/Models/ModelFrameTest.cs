using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Data.Tables;

namespace Sarc.Data.Tests.Models;

public class ModelFrameTest
{
    private static DataFrame Table() => new("test.csv",
    [
        new DataColumn("time", ColumnKind.Numeric, [5, 7, 9, 3, 4, 6], null),
        new DataColumn("status", ColumnKind.Numeric, [1, 0, 1, 1, 0, 1], null),
        new DataColumn("age", ColumnKind.Numeric, [50, 60, double.NaN, 70, 40, 55], null),
        new DataColumn("grade", ColumnKind.Numeric, [1, 2, 3, 3, 1, 2], null),
        new DataColumn("depth", ColumnKind.Text, null, ["deep", "superficial", "deep", null, "superficial", "deep"]),
        new DataColumn("site", ColumnKind.Text, null, ["b", "a", "b", "a", "b", "a"]),
    ], [2, 3, 4, 5, 6, 7]);

    [Fact]
    public void Build_MissingValues_AreExcludedAndCounted()
    {
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ age + depth"));
        Assert.Equal(2, frame.Excluded);
        Assert.Equal([0, 1, 4, 5], frame.Rows);
        Assert.Equal([5.0, 7, 4, 6], frame.Stop);
    }

    [Fact]
    public void Build_Factors_UseTreatmentContrastsNamedAsR()
    {
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ factor(grade) + depth"));
        Assert.Equal(["factor(grade)2", "factor(grade)3", "depthsuperficial"], frame.ColumnNames);
        Assert.Equal([0, 0, 1], frame.Assign);
        // Rows used: all but the one with missing depth (line 5).
        Assert.Equal([0.0, 1, 0, 0, 1], frame.Design[0]);
        Assert.Equal([0.0, 0, 1, 0, 0], frame.Design[1]);
        Assert.Equal([0.0, 1, 0, 1, 0], frame.Design[2]);
    }

    [Fact]
    public void Build_NumericByFactorWithoutMargin_UsesAllLevelsAsR()
    {
        // R's model.matrix(~ age:factor(grade)): no 'age' term, so every grade level gets its own column.
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ age:factor(grade)"));
        Assert.Equal(["age:factor(grade)1", "age:factor(grade)2", "age:factor(grade)3"], frame.ColumnNames);
        Assert.Equal([50.0, 0, 0, 40, 0], frame.Design[0]);
    }

    [Fact]
    public void Build_NumericByFactorWithNumericMargin_DropsTheReferenceAsR()
    {
        // R's model.matrix(~ age + age:factor(grade)): age is present, so grade gets contrasts.
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ age + age:factor(grade)"));
        Assert.Equal(["age", "age:factor(grade)2", "age:factor(grade)3"], frame.ColumnNames);
        Assert.Equal([0.0, 60, 0, 0, 55], frame.Design[1]);
    }

    [Fact]
    public void Build_InteractionWithMargins_MultipliesContrastColumns()
    {
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ time*depth"));
        Assert.Equal(["time", "depthsuperficial", "time:depthsuperficial"], frame.ColumnNames);
        Assert.Equal([0.0, 7, 0, 4, 0], frame.Design[2]);
    }

    [Fact]
    public void Build_Strata_AreCodedInSortedOrder()
    {
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ grade + strata(site)"));
        Assert.Equal(["a", "b"], frame.StrataLabels);
        Assert.Equal([1, 0, 1, 0, 1, 0], frame.Strata!);
    }

    [Fact]
    public void Build_SeveralStrataColumns_OrderedByEachColumnAsR()
    {
        // R's strata(grade, site): numeric grade in numeric order, the first column varying slowest, and only the
        // combinations present; labels "grade=1, site=b".
        var frame = ModelFrame.Build(Table(), Formula.Parse("Surv(time, status) ~ age + strata(grade, site)"));
        Assert.Equal(["grade=1, site=b", "grade=2, site=a", "grade=3, site=a"], frame.StrataLabels);
        Assert.Equal([0, 1, 2, 0, 1], frame.Strata!);
    }

    [Fact]
    public void Build_TextFactor_ReferenceIsTheFirstLevelInROrder()
    {
        // Ordinal order would make "B" the reference; R's puts "a" first (a < A < b < B).
        var table = new DataFrame("f.csv",
        [
            new DataColumn("time", ColumnKind.Numeric, [1, 2, 3, 4], null),
            new DataColumn("status", ColumnKind.Numeric, [1, 0, 1, 1], null),
            new DataColumn("g", ColumnKind.Text, null, ["B", "a", "b", "a"]),
        ], [2, 3, 4, 5]);
        var frame = ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ g"));
        Assert.Equal(["gb", "gB"], frame.ColumnNames);
    }

    [Theory]
    [InlineData(new[] { 2.0, 1, 2, 2, 1, 2 })]
    [InlineData(new[] { 1.0, 0, 1, 1, 0, 1 })]
    public void Build_EventCodedZeroOneOrOneTwo_GivesTheSameStatus(double[] events)
    {
        var table = new DataFrame("f.csv",
        [
            new DataColumn("time", ColumnKind.Numeric, [5, 7, 9, 3, 4, 6], null),
            new DataColumn("e", ColumnKind.Numeric, events, null),
            new DataColumn("x", ColumnKind.Numeric, [1, 2, 3, 4, 5, 6], null),
        ], [2, 3, 4, 5, 6, 7]);
        Assert.Equal([1.0, 0, 1, 1, 0, 1], ModelFrame.Build(table, Formula.Parse("Surv(time, e) ~ x")).Status);
    }

    [Theory]
    [InlineData("Surv(time, status) ~ agee", "formula uses column 'agee', which is not in the data; did you mean 'age'?")]
    [InlineData("Surv(depth, status) ~ age", "line 2: column 'depth' must be a numeric time, found 'deep'")]
    [InlineData("Surv(time, grade) ~ age", "line 3: column 'grade': event must be 0/1, 1/2 (2 = event), TRUE/FALSE or T/F, found '2' (also lines 5, 7)")]
    [InlineData("Surv(time, status, age) ~ grade", "line 2: start time 'time' (5) must be less than stop time 'status' (1)")]
    [InlineData("Surv(time, status) ~ age + factor(status)", "")]
    public void Build_BadData_IsOneLineNamingTheLine(string formula, string message)
    {
        if (message.Length == 0)
        {
            // factor(status) has two levels: no error.
            ModelFrame.Build(Table(), Formula.Parse(formula));
            return;
        }
        var exception = Assert.Throws<DataInputException>(() => ModelFrame.Build(Table(), Formula.Parse(formula)));
        Assert.Equal("test.csv: " + message, exception.Message);
    }

    [Fact]
    public void Build_SingleLevelFactor_IsAUserError()
    {
        var table = new DataFrame("f.csv",
        [
            new DataColumn("time", ColumnKind.Numeric, [1, 2], null),
            new DataColumn("status", ColumnKind.Numeric, [1, 0], null),
            new DataColumn("sex", ColumnKind.Text, null, ["F", "F"]),
        ], [2, 3]);
        var exception = Assert.Throws<DataInputException>(() => ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ sex")));
        Assert.Contains("column 'sex' has a single level ('F')", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoEvents_IsAUserError()
    {
        var table = new DataFrame("f.csv",
        [
            new DataColumn("time", ColumnKind.Numeric, [1, 2], null),
            new DataColumn("status", ColumnKind.Numeric, [0, 0], null),
            new DataColumn("x", ColumnKind.Numeric, [1, 0], null),
        ], [2, 3]);
        var exception = Assert.Throws<DataInputException>(() => ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ x")));
        Assert.Contains("no events", exception.Message, StringComparison.Ordinal);
    }
}
