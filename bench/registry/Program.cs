using System.Diagnostics;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Endpoints;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Testing;

// Usage:
//   dotnet run -c Release --project bench/registry -- generate N FILE     writes the synthetic template of N patients
//   dotnet run -c Release --project bench/registry -- run N [PG-CONNECTION]  times import, export and endpoints
if (args.Length >= 3 && args[0] == "generate")
{
    File.WriteAllText(args[2], SyntheticRegistryFile.Create(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}
var count = args.Length >= 2 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var work = Directory.CreateTempSubdirectory("sarc-bench-").FullName;
var input = Path.Combine(work, "registry.csv");
File.WriteAllText(input, SyntheticRegistryFile.Create(count));
Console.WriteLine($"{count} patients, {new FileInfo(input).Length / 1e6:F1} MB CSV");

var targets = new List<(string Name, string Db)> { ("SQLite", Path.Combine(work, "bench.db")) };
if (args.Length >= 3)
{
    targets.Add(("PostgreSQL", args[2]));
}
var audit = new AuditContext("bench", TimeProvider.System);
foreach (var (name, db) in targets)
{
    using var store = RegistryStore.Open(db);
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var parsed = TemplateParser.ParseFile(input);
    var parse = clock.Elapsed.TotalSeconds;
    var parseCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    clock.Restart();
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var result = store.Import(parsed.Rows, update: false, audit, ImportSource.OfFile(input));
    var import = clock.Elapsed.TotalSeconds + parse;
    var importCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds + parseCpu;
    if (!result.Succeeded)
    {
        Console.WriteLine($"{name}: import failed: {result.Errors[0]}");
        return 1;
    }
    clock.Restart();
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var patients = store.LoadPatients();
    var load = clock.Elapsed.TotalSeconds;
    var loadCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    clock.Restart();
    var endpointRows = 0;
    foreach (EndpointKind kind in Enum.GetValues<EndpointKind>())
    {
        endpointRows += EndpointBuilder.Build(patients, kind).Rows.Count;
    }
    var endpoints = clock.Elapsed.TotalSeconds;
    clock.Restart();
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var os = EndpointBuilder.Build(store.LoadPatients(), EndpointKind.OverallSurvival);
    os.WriteCsv(Path.Combine(work, "os.csv"));
    var oneEndpoint = clock.Elapsed.TotalSeconds;
    var oneEndpointCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    clock.Restart();
    TemplateWriter.WriteFile(store.LoadPatients(), Path.Combine(work, "export.csv"));
    var export = clock.Elapsed.TotalSeconds;
    // Wall and CPU seconds: on a shared machine the CPU time says what the code costs, the wall time what a user waits.
    Console.WriteLine($"{name}: import {import:F2} s wall / {importCpu:F2} s CPU (parse+validate {parse:F2} s / {parseCpu:F2} s CPU, store+audit {import - parse:F2} s, {result.Inserted} patients); "
        + $"load {load:F2} s / {loadCpu:F2} s CPU; all 7 endpoints in memory {endpoints:F2} s ({endpointRows} rows); "
        + $"os endpoint load+build+write {oneEndpoint:F2} s / {oneEndpointCpu:F2} s CPU; export {export:F2} s");
}
Directory.Delete(work, recursive: true);
return 0;
