using System.Diagnostics;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Endpoints;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Testing;

// Usage:
//   dotnet run -c Release --project bench/registry -- generate N FOLDER        writes the synthetic long-format registry of N patients
//   dotnet run -c Release --project bench/registry -- run N [PG-CONNECTION]    times import, load, endpoints and export in process
if (args.Length >= 3 && args[0] == "generate")
{
    SyntheticLongRegistry.WriteFolder(args[2], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}
var count = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var work = Directory.CreateTempSubdirectory("sarc-bench-").FullName;
var input = SyntheticLongRegistry.WriteFolder(Path.Combine(work, "registry"), count);
var rows = SyntheticLongRegistry.Files.Sum(f => File.ReadLines(Path.Combine(input, f + ".csv")).Count() - 1);
Console.WriteLine($"{count} patients, {rows - count} list entries ({(double)(rows - count) / count:F1} per patient)");

var targets = new List<(string Name, string Db)> { ("SQLite", Path.Combine(work, "bench.db")) };
if (args.Length >= 3)
{
    targets.Add(("PostgreSQL", args[2]));
}
var audit = new AuditContext("bench", TimeProvider.System);
var asOf = new DateOnly(2026, 1, 1);
foreach (var (name, db) in targets)
{
    using var store = RegistryStore.Open(db);
    var clock = Stopwatch.StartNew();
    var cpu = Cpu();
    var parsed = RegistryImporter.Parse(input, asOf);
    var parse = clock.Elapsed.TotalSeconds;
    var parseCpu = Cpu() - cpu;
    clock.Restart();
    cpu = Cpu();
    var result = store.Import(parsed.Batch, update: false, audit, ImportSource.OfFolder(input));
    var import = clock.Elapsed.TotalSeconds + parse;
    var importCpu = Cpu() - cpu + parseCpu;
    if (!result.Succeeded)
    {
        Console.WriteLine($"{name}: import failed: {result.Errors[0]}");
        return 1;
    }
    clock.Restart();
    cpu = Cpu();
    var patients = store.LoadPatients();
    var load = clock.Elapsed.TotalSeconds;
    var loadCpu = Cpu() - cpu;
    clock.Restart();
    var endpointRows = 0;
    foreach (var kind in Enum.GetValues<EndpointKind>())
    {
        endpointRows += EndpointEngine.Table(patients, kind).Rows.Count;
    }
    var endpoints = clock.Elapsed.TotalSeconds;
    clock.Restart();
    cpu = Cpu();
    EndpointEngine.Table(store.LoadPatients(), EndpointKind.DiseaseFreeSurvival).WriteCsv(Path.Combine(work, "dfs.csv"));
    var oneEndpoint = clock.Elapsed.TotalSeconds;
    var oneEndpointCpu = Cpu() - cpu;
    clock.Restart();
    LongFormatWriter.WriteFolder(store.LoadPatients(), Path.Combine(work, "export"));
    var export = clock.Elapsed.TotalSeconds;
    // Wall and CPU seconds: on a shared machine the CPU time says what the code costs, the wall time what a user waits.
    Console.WriteLine($"{name}: import {import:F2} s wall / {importCpu:F2} s CPU (parse+validate {parse:F2} s / {parseCpu:F2} s CPU, store+audit {import - parse:F2} s, {result.Inserted} patients); "
        + $"load {load:F2} s / {loadCpu:F2} s CPU; all {Enum.GetValues<EndpointKind>().Length} endpoints in memory {endpoints:F2} s ({endpointRows} rows); "
        + $"dfs endpoint load+derive+write {oneEndpoint:F2} s / {oneEndpointCpu:F2} s CPU; long export {export:F2} s");
}
Directory.Delete(work, recursive: true);
return 0;

static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
