using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>Every command with a --conf-level refuses a level outside (0, 1) the same way, before reading any data.</summary>
public class ConfidenceLevelTest
{
    public static TheoryData<string, string> Levels => new()
    {
        { "km", "1.5" }, { "km", "0" }, { "cox", "1" }, { "finegray", "-0.2" }, { "table2x2", "95" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void ConfLevel_OutsideZeroToOne_IsOneLineUserError(string command, string level)
    {
        var sarcoma = Fixture.PathOf("examples", "sarcoma.csv");
        string[] args = command switch
        {
            "km" => ["km", "--data", sarcoma, "--time", "os_months", "--event", "death"],
            "cox" => ["cox", "--data", sarcoma, "--formula", "Surv(os_months, death) ~ age"],
            "finegray" => ["finegray", "--data", sarcoma, "--formula", "Surv(dfs_months, dfs_event) ~ age", "--cause", "1"],
            _ => ["table2x2", "--counts", "15,17,7,25"],
        };

        CliRun.Of([.. args, "--conf-level", level]).AssertUserError($"--conf-level must be between 0 and 1 (exclusive), found {level}");
    }
}
