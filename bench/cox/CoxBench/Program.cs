using System.Diagnostics;
using Sarc.Data.Csv;
using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Statistics.Survival;

// Usage: dotnet run -c Release -- FILE.csv [reference]
// Prints the time of each phase of `sarc cox` (Efron, no --zph) and the coefficients.
var path = args[0];
var reference = args.Length > 1 && args[1] == "reference";
var me = Process.GetCurrentProcess();
double CpuNow()
{
    me.Refresh();
    return me.TotalProcessorTime.TotalSeconds;
}
string Memory()
{
    me.Refresh();
    var info = GC.GetGCMemoryInfo();
    return $"rss {me.WorkingSet64 / 1048576} MB, heap {GC.GetTotalMemory(false) / 1048576} MB, committed {info.TotalCommittedBytes / 1048576} MB, "
        + $"live after a full GC {GC.GetTotalMemory(true) / 1048576} MB";
}
var cpu0 = CpuNow();
var total = Stopwatch.StartNew();
var watch = Stopwatch.StartNew();
var table = CsvTableReader.Read(path);
Console.WriteLine($"csv load      {watch.Elapsed.TotalSeconds,7:F3} s wall {CpuNow() - cpu0,7:F3} s cpu ({table.RowCount} rows; {Memory()})");
cpu0 = CpuNow();
watch.Restart();
var formula = Formula.Parse("Surv(time, status) ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10");
var frame = ModelFrame.Build(table, formula);
Console.WriteLine($"model frame   {watch.Elapsed.TotalSeconds,7:F3} s wall {CpuNow() - cpu0,7:F3} s cpu ({Memory()})");
cpu0 = CpuNow();
watch.Restart();
var fit = new CoxRegression(new CoxOptions { UseReferenceImplementation = reference }).Fit(new CoxData(
    frame.Start, frame.Stop, frame.Status, frame.Design, frame.ColumnNames, frame.TermLabels.ToArray(), frame.Assign,
    frame.Strata, frame.Cluster));
Console.WriteLine($"fit           {watch.Elapsed.TotalSeconds,7:F3} s wall {CpuNow() - cpu0,7:F3} s cpu ({fit.Iterations} iterations; {Memory()})");
Console.WriteLine($"total         {total.Elapsed.TotalSeconds,7:F3} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB; GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalSeconds:F3} s");
Console.WriteLine("coef " + string.Join(" ", fit.Coefficients.Select(c => c.Coef.ToString("R"))));
Console.WriteLine($"loglik {fit.LogLikelihood:R} concordance {fit.Concordance:R}");

// Kernel by kernel, on the same data (CPU time of this process, less sensitive to a busy machine than wall time).
var data = new CoxData(frame.Start, frame.Stop, frame.Status, frame.Design, frame.ColumnNames, frame.TermLabels.ToArray(), frame.Assign);
var process = Process.GetCurrentProcess();
double Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime.TotalSeconds;
}
var cpu = Cpu();
watch.Restart();
var prepared = new CoxPrepared(data, timeFix: true);
Console.WriteLine($"prepare       {watch.Elapsed.TotalSeconds,7:F3} s wall {Cpu() - cpu,7:F3} s cpu");
cpu = Cpu();
watch.Restart();
var kernel = new CoxSweepKernel(prepared, CoxTies.Efron);
Console.WriteLine($"kernel sort   {watch.Elapsed.TotalSeconds,7:F3} s wall {Cpu() - cpu,7:F3} s cpu");
if (Environment.GetEnvironmentVariable("COXBENCH_AGAIN") is not null)
{
    kernel = null!;
    GC.Collect();
    cpu = Cpu();
    watch.Restart();
    kernel = new CoxSweepKernel(prepared, CoxTies.Efron);
    Console.WriteLine($"kernel again  {watch.Elapsed.TotalSeconds,7:F3} s wall {Cpu() - cpu,7:F3} s cpu (memory of the first one reused)");
}
var beta = new double[prepared.P];
var u = new double[prepared.P];
var information = new double[prepared.P, prepared.P];
// The fastest of five evaluations: on a shared machine the minimum is the stablest figure. Alternating with the one
// sequential sweep (the test oracle), so that both see the same load.
var sequential = new CoxSweepKernel(prepared, CoxTies.Efron) { EvaluatePath = CoxSweepKernel.Path.Sequential };
double best = double.MaxValue, bestSequential = double.MaxValue, cpuBest = double.MaxValue, cpuSequential = double.MaxValue;
for (var repeat = 0; repeat < 5; repeat++)
{
    cpu = Cpu();
    watch.Restart();
    kernel.Evaluate(beta, u, information);
    best = Math.Min(best, watch.Elapsed.TotalSeconds);
    cpuBest = Math.Min(cpuBest, Cpu() - cpu);
    cpu = Cpu();
    watch.Restart();
    sequential.Evaluate(beta, u, information);
    bestSequential = Math.Min(bestSequential, watch.Elapsed.TotalSeconds);
    cpuSequential = Math.Min(cpuSequential, Cpu() - cpu);
}
Console.WriteLine($"one step      {best,7:F3} s wall {cpuBest,7:F3} s cpu (fastest of 5; the sequential sweep: {bestSequential:F3} s wall {cpuSequential:F3} s cpu)");
cpu = Cpu();
watch.Restart();
kernel.Concordance(beta);
Console.WriteLine($"concordance   {watch.Elapsed.TotalSeconds,7:F3} s wall {Cpu() - cpu,7:F3} s cpu");
