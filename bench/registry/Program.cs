using System.Diagnostics;
using Npgsql;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Endpoints;
using Sarc.Registry.Import;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Testing;

// Usage:
//   dotnet run -c Release --project bench/registry -- generate N FOLDER        writes the synthetic long-format registry of N patients
//   dotnet run -c Release --project bench/registry -- run N [PG-CONNECTION]    times import, load, endpoints and export in process
//   dotnet run -c Release --project bench/registry -- postgres N PG-CONNECTION [REPEATS]
//       times the PostgreSQL import by binary COPY and row by row (best of REPEATS, each into a new database on the
//       server of PG-CONNECTION), checks that both leave the same export and audit chain, and times the audit's JSON and
//       SHA-256 alone (what bounds the COPY import besides the server)
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
var audit = new AuditContext("bench", TimeProvider.System);
var asOf = new DateOnly(2026, 1, 1);
try
{
    return args[0] == "postgres" ? PostgresPaths(args[2], args.Length >= 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3) : Run();
}
finally
{
    Directory.Delete(work, recursive: true);
}

int Run()
{
    var targets = new List<(string Name, string Db)> { ("SQLite", Path.Combine(work, "bench.db")) };
    if (args.Length >= 3)
    {
        targets.Add(("PostgreSQL", NewDatabase(args[2], "run")));
    }
    foreach (var (name, db) in targets)
    {
        using var store = RegistryStore.Open(db);
        var (import, importCpu, parse, parseCpu, result) = Import(store);
        if (!result.Succeeded)
        {
            Console.WriteLine($"{name}: import failed: {result.Errors[0]}");
            return 1;
        }
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
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
    return 0;
}

int PostgresPaths(string server, int repeats)
{
    var best = new Dictionary<bool, (double Wall, double Cpu, double Store)>();
    var made = new Dictionary<bool, string>();
    for (var r = 0; r < repeats; r++)
    {
        foreach (var copy in (bool[])[true, false])
        {
            var db = NewDatabase(server, copy ? "copy" : "rows");
            using var store = new SqlRegistryStore(PostgresDatabase.Open(db, copy));
            // The server process serving this connection: its CPU seconds are what the server spent on the import.
            var backend = store.OnConnection(c =>
            {
                using var command = c.CreateCommand();
                command.CommandText = "SELECT pg_backend_pid()";
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            });
            var serverBefore = ProcessCpu(backend);
            var (wall, cpu, parse, _, result) = Import(store);
            if (!result.Succeeded)
            {
                Console.WriteLine($"PostgreSQL import failed: {result.Errors[0]}");
                return 1;
            }
            Console.WriteLine($"PostgreSQL import {(copy ? "by binary COPY" : "row by row")}, run {r + 1}: {wall:F2} s wall / {cpu:F2} s CPU of sarc + {ProcessCpu(backend) - serverBefore:F2} s CPU of the server "
                + $"(parse+validate {parse:F2} s, store+audit {wall - parse:F2} s)");
            if (!best.TryGetValue(copy, out var b) || wall < b.Wall)
            {
                best[copy] = (wall, cpu, wall - parse);
            }
            made[copy] = db;
        }
    }
    Console.WriteLine($"PostgreSQL import, best of {repeats}: binary COPY {best[true].Wall:F2} s (store+audit {best[true].Store:F2} s), "
        + $"row by row {best[false].Wall:F2} s (store+audit {best[false].Store:F2} s); ratio COPY / row by row {best[true].Wall / best[false].Wall:F3}");
    using (var copied = RegistryStore.Open(made[true]))
    using (var byRow = RegistryStore.Open(made[false]))
    {
        var same = Export(copied) == Export(byRow);
        var (a, b) = (copied.ReadAudit(), byRow.ReadAudit());
        // Times differ by design (each import stamps its own instant); every other field, and the chain's shape, must not.
        var sameAudit = a.Count == b.Count && a.Zip(b).All(p => p.First with { At = default, PreviousSha256 = null, Sha256 = null } == p.Second with { At = default, PreviousSha256 = null, Sha256 = null });
        Console.WriteLine($"same long export: {same}; same audit records but their time: {sameAudit}; COPY chain intact: {copied.VerifyAudit().IsIntact}");
    }
    // What the COPY import cannot go below on the client: parsing and validating, and the audit's JSON and SHA-256.
    var parsed = RegistryImporter.Parse(input, asOf);
    var clock = Stopwatch.StartNew();
    var start = Cpu();
    var previous = AuditChain.Genesis;
    foreach (var row in parsed.Batch.Rows)
    {
        var json = RecordDiff.Json(row.Record);
        previous = AuditChain.Hash(previous, new AuditEntry(0, DateTimeOffset.UnixEpoch, "bench", AuditAction.Insert, row.Record.Id, "patient", null, null, json, "registry", AuditChain.Genesis, null));
    }
    Console.WriteLine($"audit JSON + SHA-256 alone, {parsed.Batch.Rows.Count} records: {clock.Elapsed.TotalSeconds:F2} s wall / {Cpu() - start:F2} s CPU");
    return 0;
}

(double Wall, double Cpu, double Parse, double ParseCpu, ImportResult Result) Import(IRegistryStore store)
{
    var clock = Stopwatch.StartNew();
    var cpu = Cpu();
    var parsed = RegistryImporter.Parse(input, asOf);
    var parse = clock.Elapsed.TotalSeconds;
    var parseCpu = Cpu() - cpu;
    var result = store.Import(parsed.Batch, update: false, audit, ImportSource.OfFolder(input));
    return (clock.Elapsed.TotalSeconds, Cpu() - cpu, parse, parseCpu, result);
}

static string Export(IRegistryStore store)
{
    var records = store.LoadPatients();
    var text = new StringWriter();
    foreach (var file in LongFiles.All)
    {
        LongFormatWriter.WriteCsv(records, file, text);
    }
    return text.ToString();
}

// A new database on the server of CONNECTION (dropped first if a previous run left it).
static string NewDatabase(string connection, string name)
{
    var builder = new NpgsqlConnectionStringBuilder(connection);
    var database = $"sarc_bench_{name}";
    using (var admin = new NpgsqlConnection(builder.ToString()))
    {
        admin.Open();
        using var command = admin.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {database}";
        command.ExecuteNonQuery();
        command.CommandText = $"CREATE DATABASE {database}";
        command.ExecuteNonQuery();
    }
    builder.Database = database;
    return builder.ToString();
}

// User + system CPU seconds of a process on this machine (Linux /proc; clock ticks of 1/100 s).
static double ProcessCpu(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
}

static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
