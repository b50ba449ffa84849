using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Data.Tables;
using Sarc.Statistics.Prediction;

namespace Sarc.Data.Tests.Models;

public class SplineModelFrameTest
{
    private static DataFrame Table(int n, Func<int, double> x, Func<int, double>? other = null) => new("test.csv",
    [
        new DataColumn("time", ColumnKind.Numeric, Enumerable.Range(0, n).Select(i => (double)(i % 17 + 1)).ToArray(), null),
        new DataColumn("status", ColumnKind.Numeric, Enumerable.Range(0, n).Select(i => (double)(i % 3 == 0 ? 0 : 1)).ToArray(), null),
        new DataColumn("x", ColumnKind.Numeric, Enumerable.Range(0, n).Select(x).ToArray(), null),
        new DataColumn("g", ColumnKind.Numeric, Enumerable.Range(0, n).Select(other ?? (i => i % 2)).ToArray(), null),
        new DataColumn("site", ColumnKind.Text, null, Enumerable.Range(0, n).Select(i => i % 4 == 0 ? "a" : "b").ToArray()),
    ], Enumerable.Range(2, n).ToArray());

    [Fact]
    public void Build_Spline_AddsRmsBasisColumnsNamedAsRms()
    {
        var table = Table(120, i => i * 0.5);
        var frame = ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ rcs(x, 4) + g"));
        Assert.Equal(["x", "x'", "x''", "g"], frame.ColumnNames);
        Assert.Equal([0, 0, 0, 1], frame.Assign);
        var knots = RestrictedCubicSpline.DefaultKnots(table.Column("x").Numbers!, 4).Knots!;
        Assert.Equal(knots, frame.Codings[0].Knots!);
        var basis = new double[3];
        RestrictedCubicSpline.Basis(table.Column("x").Numbers![50], knots, basis);
        Assert.Equal(basis, new[] { frame.Design[0][50], frame.Design[1][50], frame.Design[2][50] });
        Assert.Equal(new DesignPart(frame.Codings[0].Variable, null, 2), frame.DesignParts[2].Single());
    }

    [Fact]
    public void Build_SplineKnots_ComeFromEveryNonMissingValueAsModelFrame()
    {
        // R evaluates rcs() before na.omit: rows dropped for a missing g still place the knots.
        var table = Table(120, i => i, other: i => i < 30 ? double.NaN : i % 2);
        var frame = ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ rcs(x, 3) + g"));
        Assert.Equal(30, frame.Excluded);
        Assert.Equal(RestrictedCubicSpline.DefaultKnots(table.Column("x").Numbers!, 3).Knots!, frame.Codings[0].Knots!);
        Assert.NotEqual(RestrictedCubicSpline.DefaultKnots(table.Column("x").Numbers!.Skip(30).ToArray(), 3).Knots!, frame.Codings[0].Knots!);
    }

    [Fact]
    public void Build_MoreKnotsThanDistinctValues_IsAUserError()
    {
        var table = Table(60, i => i % 4);
        var exception = Assert.Throws<DataInputException>(() => ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ rcs(x, 5)")));
        Assert.Equal("test.csv: rcs(x, 5) asks for 5 knots but column 'x' has only 4 distinct values; use fewer knots or enter it linearly", exception.Message);
    }

    [Fact]
    public void Build_FewDistinctValues_ReducesKnotsWithRsWarning()
    {
        var table = Table(70, i => i % 7);
        var frame = ModelFrame.Build(table, Formula.Parse("Surv(time, status) ~ rcs(x, 5)"));
        Assert.Equal([1.0, 2, 3, 4, 5], frame.Codings[0].Knots!);
        Assert.Contains("rcs(x, 5): 5 knots requested with 7 unique values of x", frame.Warnings.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SplineOfText_IsAUserError()
    {
        var exception = Assert.Throws<DataInputException>(() => ModelFrame.Build(Table(20, i => i), Formula.Parse("Surv(time, status) ~ rcs(site, 3)")));
        Assert.Contains("rcs(site, 3) needs a numeric column", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SplineByFactor_MultipliesEveryBasisColumn()
    {
        var frame = ModelFrame.Build(Table(80, i => i), Formula.Parse("Surv(time, status) ~ rcs(x, 3) * site"));
        Assert.Equal(["x", "x'", "siteb", "x:siteb", "x':siteb"], frame.ColumnNames);
        Assert.Equal(2, frame.DesignParts[4].Count);
        Assert.Equal(frame.Design[1][5] * frame.Design[2][5], frame.Design[4][5]);
    }

    [Fact]
    public void Build_ExplicitKnots_AreUsedAsGiven()
    {
        var frame = ModelFrame.Build(Table(40, i => i), Formula.Parse("Surv(time, status) ~ rcs(x, c(30, 10, 20))"));
        Assert.Equal([10.0, 20, 30], frame.Codings[0].Knots!);
    }
}
