using System.Diagnostics;
using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Statistics.CompetingRisks;

// Times cumulative incidence (with Gray's test) and Fine-Gray on a benchmark file written by generate.R.
// CPU time is reported besides wall time because the benchmark machine is shared.
if (args.Length > 1 && args[1] == "multistate")
{
    TimeMultistate(args[0]);
    return;
}
var frame = CsvTableReader.Read(args[0]);
var cases = CompleteCases.Of(frame, ["time", "status", "group", "age", "grade3", "size"]);
var time = AnalysisColumns.Numeric(cases, "time");
var status = AnalysisColumns.Numeric(cases, "status").Select(v => (int)v).ToArray();
var group = AnalysisColumns.Factor(cases, "group");
string[] terms = ["age", "grade3", "size"];
var columns = terms.Select(t => AnalysisColumns.Numeric(cases, t)).ToArray();

for (var round = 0; round < 3; round++)
{
    var (cif, cifWall, cifCpu) = Measure(() => new CumulativeIncidence().Fit(new CompetingRisksData(time, status, group.Codes, group.LevelCount)));
    Console.WriteLine($"cuminc: {cifWall:F3} s wall, {cifCpu:F3} s CPU (n = {time.Length}); Gray cause 1 stat = {cif.Tests[0].ChiSquare:G10}");
    var (fg, fgWall, fgCpu) = Measure(() => new FineGray().Fit(new FineGrayData(time, status, 1, columns, terms)));
    Console.WriteLine($"crr:    {fgWall:F3} s wall, {fgCpu:F3} s CPU; {fg.Iterations} iterations; coef = {string.Join(" ", fg.Coefficients.Select(c => c.Coef.ToString("G10")))}; se = {string.Join(" ", fg.Coefficients.Select(c => c.Se.ToString("G10")))}");
}

static void TimeMultistate(string path)
{
    var table = CsvTableReader.Read(path);
    var rows = CompleteCases.Of(table, ["id", "start", "stop"]);
    var ids = AnalysisColumns.Factor(rows, "id");
    var start = AnalysisColumns.Numeric(rows, "start");
    var stop = AnalysisColumns.Numeric(rows, "stop");
    string[] states = ["entry", "LR", "DM", "death"];
    var events = table.Column("event");
    var to = rows.Rows.Select(r => events.TextAt(r) is { Length: > 0 } e ? Array.IndexOf(states, e) : Sarc.Statistics.Multistate.AalenJohansen.Censored).ToArray();
    for (var round = 0; round < 2; round++)
    {
        var (fit, wall, cpu) = Measure(() => new Sarc.Statistics.Multistate.AalenJohansen().Fit(new Sarc.Statistics.Multistate.MultistateData(ids.Codes, start, stop, to, states.Length, ids.LevelCount)));
        Console.WriteLine($"Aalen-Johansen: {wall:F3} s wall, {cpu:F3} s CPU ({fit.Subjects} patients, {to.Length} rows, {fit.Times.Length} times); last pstate = {string.Join(" ", Enumerable.Range(0, 4).Select(s => fit.Probability(fit.Times.Length - 1, s).ToString("G10")))}");
    }
}

static (T Result, double Wall, double Cpu) Measure<T>(Func<T> action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var result = action();
    watch.Stop();
    process.Refresh();
    return (result, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
}
