using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sarc.Data.Analysis;
using Sarc.Data.Csv;
using Sarc.Statistics.Survival;
using Sarc.Studies.Analyses;

// Usage: KmBench FILE.csv [rounds]
// Times each phase of `sarc km --time time --event event --group grade --at 12,24,60 --json` in one process, wall
// and CPU, the first round cold (as the CLI runs it) and later rounds warm. Prints one line per phase.
var path = args[0];
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var me = Process.GetCurrentProcess();
double Cpu()
{
    me.Refresh();
    return me.TotalProcessorTime.TotalSeconds;
}
var watch = new Stopwatch();
var cpu = 0.0;
void Start()
{
    cpu = Cpu();
    watch.Restart();
}
void Stop(string phase) => Console.WriteLine($"  {phase,-34} {watch.Elapsed.TotalSeconds,7:F3} s wall {Cpu() - cpu,7:F3} s cpu");
var options = KaplanMeierOptions.Default;
for (var round = 0; round < rounds; round++)
{
    Console.WriteLine(round == 0 ? "round 1 (cold: first touch of memory, first call of each method)" : $"round {round + 1} (warm)");
    var gc = GC.CollectionCount(0);
    var total = Stopwatch.StartNew();
    Start();
    var frame = CsvTableReader.Read(path, ["time", "event", "grade"]);
    Stop($"CSV load ({frame.RowCount} rows)");
    Start();
    var cases = CompleteCases.Of(frame, ["time", "event", "grade"]);
    var times = AnalysisColumns.Time(cases, "time");
    var events = Array.ConvertAll(AnalysisColumns.Event(cases, "event"), e => e == 1);
    var groups = AnalysisColumns.Factor(cases, "grade");
    Stop("complete cases + columns");
    Start();
    var table = SurvivalTable.TryCreate(times, events, groups.Codes, groups.LevelCount, options.MergeNearEqualTimes);
    Stop($"tabulate ({table?.Time.Length} distinct times)");
    Start();
    for (var g = 0; g < groups.LevelCount; g++)
    {
        KaplanMeier.Kernel(table!, g, reverse: false, options);
    }
    Stop("curves (4 groups, with CIs)");
    Start();
    KaplanMeier.Kernel(table!, -1, reverse: true, options).Median();
    Stop("reverse KM follow-up + median");
    Start();
    LogRankTest.Compute(table!);
    Stop("log-rank");
    Start();
    var analysis = KmReport.Analyse(frame, "time", "event", "grade", options, [12, 24, 60]);
    Stop("KmReport.Analyse (all of the above after CSV)");
    Start();
    var buffer = new ArrayBufferWriter<byte>(64 * 1024);
    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
    {
        writer.WriteStartObject();
        KmReport.WriteJson(writer, analysis);
        writer.WriteEndObject();
    }
    Stop($"JSON ({buffer.WrittenCount / 1e6:F1} MB, in memory)");
    Console.WriteLine($"  total {total.Elapsed.TotalSeconds:F3} s; GCs {GC.CollectionCount(0) - gc}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
}
