using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// Every command reads events and factors through one reader: on one file (validation/data/columns_codings.csv, the
/// same events coded 0/1, 1/2, TRUE/FALSE and T/F, and a group column whose levels differ in case and punctuation)
/// km, cox, cif, finegray and compare see the same events and the same level order, as R does (validation/columns.R).
/// </summary>
public class ColumnCodingsTest
{
    private static readonly string Data = Fixture.PathOf("validation", "data", "columns_codings.csv");

    private static readonly string[] Columns = ["e01", "e12", "etf", "et"];

    public static TheoryData<string> Codings() => new(Columns);

    private static JsonElement Reference(string column) => Fixture.Reference("columns").GetProperty("codings").EnumerateArray()
        .Single(c => c.GetProperty("column")[0].GetString() == column);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string[] RLevels => Strings(Reference("e01").GetProperty("levels"));

    [Theory]
    [MemberData(nameof(Codings))]
    public void Km_EachEventCoding_SameEventsAndLevelOrderAsR(string column)
    {
        var expected = Reference(column);
        var json = CliRun.Of("km", "--data", Data, "--time", "time", "--event", column, "--group", "group", "--json").Json();
        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(Strings(expected.GetProperty("km_strata")), groups.Select(g => g.GetProperty("group").GetString()!));
        Assert.Equal(Fixture.Numbers(expected.GetProperty("km_events")), groups.Select(g => (double)g.GetProperty("events").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Codings))]
    public void Cox_EachEventCoding_SameEventsAndReferenceLevelAsR(string column)
    {
        var expected = Reference(column);
        var json = CliRun.Of("cox", "--data", Data, "--formula", $"Surv(time, {column}) ~ group", "--json").Json();
        var coefficients = json.GetProperty("coefficients").EnumerateArray().ToArray();
        // "_a" is the reference: R's order puts punctuation first, then a < A < b < B.
        Assert.Equal(Strings(expected.GetProperty("cox_terms")), coefficients.Select(c => c.GetProperty("term").GetString()!));
        var coef = Fixture.Numbers(expected.GetProperty("cox_coef"));
        for (var k = 0; k < coef.Length; k++)
        {
            AssertNear.Relative(coef[k], coefficients[k].GetProperty("coef").GetDouble(), Tolerance.Estimate, $"{column} coef {k}");
        }
        Assert.Equal(Fixture.Numbers(expected.GetProperty("cox_events"))[0], json.GetProperty("events").GetInt32());
    }

    [Fact]
    public void KmAndCox_AllCodings_PrintTheSameResult()
    {
        var km = Columns.Select(c => CliRun.Of("km", "--data", Data, "--time", "time", "--event", c, "--group", "group", "--json").Output).ToArray();
        var cox = Columns.Select(c => CliRun.Of("cox", "--data", Data, "--formula", $"Surv(time, {c}) ~ group", "--json").Output
            .Replace(c, "EVENT", StringComparison.Ordinal)).ToArray();
        Assert.All(km, output => Assert.Equal(km[0], output));
        Assert.All(cox, output => Assert.Equal(cox[0], output));
    }

    [Fact]
    public void CifFinegrayAndCompare_GroupLevels_InROrder()
    {
        var cif = CliRun.Of("cif", "--data", Data, "--time", "time", "--status", "e01", "--group", "group", "--json").Json();
        Assert.Equal(RLevels, cif.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()!));

        var finegray = CliRun.Of("finegray", "--data", Data, "--formula", "Surv(time, e01) ~ group", "--cause", "1", "--json").Json();
        Assert.Equal(Strings(Reference("e01").GetProperty("cox_terms")),
            finegray.GetProperty("coefficients").EnumerateArray().Select(c => c.GetProperty("term").GetString()!));

        var compare = CliRun.Of("compare", "--data", Data, "--group", "group", "--vars", "time,etf", "--json").Json();
        Assert.Equal(RLevels, compare.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()!));
    }
}
