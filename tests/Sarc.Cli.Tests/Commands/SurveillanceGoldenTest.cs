using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// Whole outputs of the surveillance commands against files in Golden/, so a change of layout or content is seen in
/// review. The golden files were checked by hand against the default plan (every date is surgery or recurrence + N
/// calendar months, clamped) before they were committed; regenerate one only after checking the new output the same way.
/// </summary>
public class SurveillanceGoldenTest
{
    private static string Golden(string name) =>
        File.ReadAllText(Fixture.PathOf("tests", "Sarc.Cli.Tests", "Golden", name)).ReplaceLineEndings("\n");

    [Fact]
    public void Schedule_HighGradeJan31WithRecurrence_MatchesTheGoldenTable()
    {
        var run = CliRun.Of("surveillance", "schedule", "--grade", "3", "--site", "extremity_lower", "--surgery-date", "2024-01-31", "--lr-date", "2026-02-15");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Golden("surveillance-schedule-lr.txt"), run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Due_ExamplePatients_MatchesTheGoldenJson()
    {
        var run = CliRun.Of("surveillance", "due", "--data", Fixture.PathOf("examples", "surveillance-patients.csv"), "--as-of", "2025-06-15", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Golden("surveillance-due.json"), run.Output.ReplaceLineEndings("\n"));
    }
}
