using System.Globalization;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>`sarc multistate --json` end to end against R survfit on the same files (validation/multistate.R).</summary>
public class MultistateCommandTest
{
    [Theory]
    [InlineData("tiny", "multistate_tiny", "LR,death")]
    [InlineData("paths", "multistate_paths", "LR,DM,death")]
    public void Multistate_Json_MatchesRSurvfit(string name, string file, string states)
    {
        var reference = Fixture.Reference("multistate").GetProperty(name);
        var at = Fixture.Numbers(reference.GetProperty("at"));
        var json = CliRun.Of("multistate", "--data", Fixture.PathOf("validation", "data", file + ".csv"), "--id", "id", "--start", "start",
            "--stop", "stop", "--event", "event", "--states", states,
            "--at", string.Join(',', at.Select(t => t.ToString("R", CultureInfo.InvariantCulture))), "--json").Json();
        string[] names = ["entry", .. states.Split(',')];
        Assert.Equal(names, json.GetProperty("states").EnumerateArray().Select(s => s.GetString()).ToArray());
        var rows = json.GetProperty("at").EnumerateArray().ToArray();
        var pstate = reference.GetProperty("at_pstate").EnumerateArray().Select(Fixture.Numbers).ToArray();
        var stdErr = reference.GetProperty("at_std_err").EnumerateArray().Select(Fixture.Numbers).ToArray();
        for (var i = 0; i < at.Length; i++)
        {
            for (var s = 0; s < names.Length; s++)
            {
                AssertNear.Relative(pstate[i][s], rows[i].GetProperty("pstate").GetProperty(names[s]).GetDouble(), Tolerance.Estimate, $"pstate {names[s]} at {at[i]}");
                AssertNear.Relative(stdErr[i][s], rows[i].GetProperty("std_err").GetProperty(names[s]).GetDouble(), Tolerance.PValue, $"std_err {names[s]} at {at[i]}");
            }
        }
        var transitions = json.GetProperty("transitions").EnumerateArray().ToArray();
        var expected = reference.GetProperty("transitions").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, transitions.Length);
        foreach (var t in expected)
        {
            var from = t.GetProperty("from").GetString() == "(s0)" ? "entry" : t.GetProperty("from").GetString();
            Assert.Contains(transitions, a => a.GetProperty("from").GetString() == from &&
                a.GetProperty("to").GetString() == t.GetProperty("to").GetString() && a.GetProperty("n").GetInt32() == t.GetProperty("n").GetInt32());
        }
    }

    [Theory]
    [InlineData("id,start,stop,event\n1,0,5,LR\n1,4,9,death\n", "line 3: id '1': interval (4, 9] overlaps")]
    [InlineData("id,start,stop,event\n1,0,5,LR\n1,6,9,death\n", "line 3: id '1': gap between")]
    [InlineData("id,start,stop,event\n7,0,5,death\n7,5,9,LR\n", "line 3: id '7': a transition out of absorbing state 'death'")]
    [InlineData("id,start,stop,event\n1,0,5,LR\n2,0,5,XX\n", "line 3: column 'event': state 'XX' is not in --states")]
    public void Multistate_BadPaths_AreUserErrorsNamingIdAndLine(string csv, string message)
    {
        using var file = new TempFile(csv);
        CliRun.Of("multistate", "--data", file.Path, "--id", "id", "--start", "start", "--stop", "stop", "--event", "event", "--states", "LR,death")
            .AssertUserError(message);
    }

    [Fact]
    public void Multistate_DefaultStates_AreInROrderAfterEntry()
    {
        using var file = new TempFile("id,start,stop,event\n1,0,5,LR\n1,5,9,death\n2,0,4,DM\n3,0,6,\n");
        var json = CliRun.Of("multistate", "--data", file.Path, "--id", "id", "--start", "start", "--stop", "stop", "--event", "event", "--json").Json();
        // R's factor() order (case-insensitive first), not ordinal, which put "DM" and "LR" before "death".
        Assert.Equal(new[] { "entry", "death", "DM", "LR" }, json.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray());
        // Without --at, one row per time in the data (4, 5, 6, 9).
        Assert.Equal(4, json.GetProperty("at").GetArrayLength());
    }

    [Fact]
    public void Multistate_Readable_ShowsTheTableAndTransitions()
    {
        var run = CliRun.Of("multistate", "--data", Fixture.PathOf("validation", "data", "multistate_tiny.csv"), "--id", "id", "--start", "start",
            "--stop", "stop", "--event", "event", "--states", "LR,death", "--at", "2,4.5");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time  entry  se      LR    se      death  se", lines[0]);
        Assert.Equal("   2   0.75  0.2165  0.25  0.2165      0   0", lines[2]);
        Assert.Contains("Transitions: entry -> LR: 2; entry -> death: 1; LR -> death: 1", run.Output, StringComparison.Ordinal);
    }
}
