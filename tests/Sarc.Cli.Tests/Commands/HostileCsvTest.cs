namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// A bounded fuzz of the statistics commands (issue 17): random damage to a small valid file (cells replaced by
/// text, signs, infinities, huge numbers, quotes, line breaks, missing values; rows cut short or lengthened) must give
/// a result (exit 0) or a one-line user error (exit 2), never an internal error or a stack trace.
/// </summary>
public class HostileCsvTest
{
    private const string Header = "id,time,start,stop,event,status,state,group,x,y";

    private static readonly string[] Rows =
    [
        "1,5,0,5,1,1,LR,a,1.5,2", "1,9,5,9,0,0,death,a,2.5,3", "2,7,0,7,0,2,,b,0.5,1", "3,3,0,3,1,1,DM,b,4,5",
        "4,12,0,12,1,2,death,A,3,2", "5,2,0,2,0,0,,B,1,1", "6,8,0,8,1,1,LR,a,2,4", "6,10,8,10,1,1,death,a,2,4",
        "7,6,0,6,0,0,,b,5,6", "8,4,0,4,1,2,DM,A,0.1,0.2",
    ];

    private static readonly string[] Damage =
    [
        "", "NA", "x", "-1", "0", "2", "3", "1e308", "-1e308", "Inf", "-Inf", "NaN", "1.5", "TRUE", "T", "true", " ",
        "\"a,b\"", "\"line\nbreak\"", "\"", "1,2", "9999999999999", "0.30000000000000004", "é", "`",
    ];

    private static readonly string[][] Commands =
    [
        ["km", "--time", "time", "--event", "event", "--group", "group", "--at", "3,6"],
        ["cox", "--formula", "Surv(time, event) ~ x + group"],
        ["cox", "--formula", "Surv(start, stop, event) ~ x + strata(group) + cluster(id)"],
        ["cox", "--formula", "Surv(start, stop, event) ~ x", "--transition", "entry:LR", "--id", "id"],
        ["cif", "--time", "time", "--status", "status", "--group", "group", "--at", "5"],
        ["finegray", "--formula", "Surv(time, status) ~ x + y", "--cause", "1"],
        ["multistate", "--id", "id", "--start", "start", "--stop", "stop", "--event", "state"],
        ["compare", "--group", "group", "--vars", "x,y,state"],
        ["correlate", "--x", "x", "--y", "y,time"],
    ];

    [Fact]
    public void StatisticsCommands_DamagedFiles_GiveAResultOrOneLineUserError()
    {
        var random = new Random(int.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "20261124"));
        for (var trial = 0; trial < int.Parse(Environment.GetEnvironmentVariable("FUZZ_TRIALS") ?? "120"); trial++)
        {
            var rows = Rows.Select(r => r.Split(',')).ToList();
            for (var hits = random.Next(1, 4); hits > 0; hits--)
            {
                var row = rows[random.Next(rows.Count)];
                switch (random.Next(6))
                {
                    case 0:
                        rows.Remove(row);
                        break;
                    case 1:
                        rows[rows.IndexOf(row)] = row[..random.Next(1, row.Length)];
                        break;
                    case 2:
                        rows[rows.IndexOf(row)] = [.. row, "extra"];
                        break;
                    default:
                        row[random.Next(row.Length)] = Damage[random.Next(Damage.Length)];
                        break;
                }
            }
            using var file = new TempFile(Header + "\n" + string.Join("\n", rows.Select(r => string.Join(",", r))) + "\n");
            foreach (var command in Commands)
            {
                var run = CliRun.Of([command[0], "--data", file.Path, .. command[1..], .. random.Next(2) == 0 ? new[] { "--json" } : []]);
                var what = $"{string.Join(' ', command)} on\n{File.ReadAllText(file.Path)}\n{run.Error}";
                Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode}: {what}");
                Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
                if (run.ExitCode == 2)
                {
                    Assert.True(run.Error.TrimEnd('\n').Split('\n').Length == 1, $"more than one line: {what}");
                    Assert.Equal(string.Empty, run.Output);
                }
            }
        }
    }
}
