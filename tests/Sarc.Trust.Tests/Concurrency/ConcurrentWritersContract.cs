using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Sarc.Registry;
using Sarc.Registry.Accounts;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Testing;
using Sarc.Web.Access;
using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Concurrency;

/// <summary>
/// 20 writers at once for a bounded time (issue 17; <c>SARC_STRESS_SECONDS</c>, default 4): 12 through the web's write
/// path (<see cref="PatientAccess.Edit"/> with the version the form was opened at, retrying when refused as changed)
/// each adding 1 to the tumour size of one of three shared patients, and 8 through the CLI's
/// (<see cref="RegistryImporter.ImportFile(string, string, bool, AuditContext, IProgress{ImportProgress}?, DateOnly?)"/>,
/// as <c>sarc import --update</c>) each adding its own patients and regrading the one before. No update may be lost
/// (each shared size equals its start plus the saves that succeeded, its audit a gapless chain of old → new values),
/// no writer may see anything but success or "changed since you opened it" (no "database is locked"), and the audit
/// hash chain must verify.
/// </summary>
public abstract class ConcurrentWritersContract(ITestOutputHelper output) : IDisposable
{
    private const int WebWriters = 12, CliWriters = 8;
    private static readonly string[] Shared = ["S1", "S2", "S3"];

    private readonly string folder = Directory.CreateTempSubdirectory("sarc-stress-").FullName;

    /// <summary>A temporary folder for this test, deleted after it.</summary>
    protected string Folder => folder;

    /// <summary>A new, empty registry's <c>--db</c> value.</summary>
    protected abstract string NewDatabase();

    [Fact]
    public void TwentyWriters_WebAndCli_LoseNoUpdateAndKeepTheChain()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SARC_STRESS_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 4;
        var db = NewDatabase();
        var seed = Path.Combine(folder, "seed.csv");
        File.WriteAllText(seed, string.Join('\n', SyntheticRegistryFile.Create(3).TrimEnd('\n').Split('\n').Select((line, i) => i == 0 ? line : Row(line, Shared[i - 1], "C1"))) + "\n");
        Assert.True(RegistryImporter.ImportFile(db, seed, update: false, new AuditContext("seed", TimeProvider.System)).Succeeded);
        var start = Sizes(db);

        var saved = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var cliPatients = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();
        var conflicts = 0;
        var until = Stopwatch.StartNew();
        bool Running() => until.Elapsed < TimeSpan.FromSeconds(seconds);
        var threads = new List<Thread>();
        for (var w = 0; w < WebWriters; w++)
        {
            var writer = w;
            threads.Add(new Thread(() => Guarded(failures, () =>
            {
                using var store = RegistryStore.Open(db);
                var access = new PatientAccess(store, new WebUser($"web{writer}@t.org", UserRole.DataManager, ["C1"]));
                var id = Shared[writer % Shared.Length];
                while (Running())
                {
                    var record = access.Find(id)!;
                    var cells = access.Cells(record);
                    cells[TemplateColumns.SizeCm] = (double.Parse(cells[TemplateColumns.SizeCm], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
                    var form = TemplateColumns.Names.Select((n, c) => (n, cells[c])).ToDictionary(p => p.n, p => p.Item2);
                    var result = access.Edit(id, form, "stress", TimeProvider.System, record.Version)!;
                    if (result.Succeeded)
                    {
                        saved.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                    else if (result.Errors.All(e => e.Kind == ImportErrorKind.ChangedSinceOpened))
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                    else
                    {
                        failures.Enqueue($"web{writer}: {string.Join("; ", result.Errors)}");
                    }
                }
            })));
        }
        for (var w = 0; w < CliWriters; w++)
        {
            var writer = w;
            threads.Add(new Thread(() => Guarded(failures, () =>
            {
                var template = SyntheticRegistryFile.Create(1).TrimEnd('\n').Split('\n');
                var file = Path.Combine(folder, $"cli{writer}.csv");
                for (var i = 1; Running(); i++)
                {
                    // A new patient, and the previous one of this writer regraded to the grade it ends with.
                    var grade = (i % 3 + 1).ToString(CultureInfo.InvariantCulture);
                    var lines = new List<string> { template[0], Row(template[1], $"K{writer}-{i}", "C2") };
                    if (i > 1)
                    {
                        lines.Add(Row(template[1], $"K{writer}-{i - 1}", "C2", grade));
                    }
                    File.WriteAllText(file, string.Join('\n', lines) + "\n");
                    var result = RegistryImporter.ImportFile(db, file, update: true, new AuditContext($"cli{writer}", TimeProvider.System));
                    if (!result.Succeeded)
                    {
                        failures.Enqueue($"cli{writer}: {string.Join("; ", result.Errors)}");
                        return;
                    }
                    cliPatients[$"K{writer}-{i}"] = "3";
                    if (i > 1)
                    {
                        cliPatients[$"K{writer}-{i - 1}"] = grade;
                    }
                }
            })));
        }
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        using var check = RegistryStore.Open(db);
        var records = check.LoadPatients().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var end = Sizes(db);
        foreach (var id in Shared)
        {
            var n = saved.GetValueOrDefault(id);
            Assert.True(n > 0, $"{id}: no save succeeded in {seconds} s");
            Assert.Equal(start[id] + n, end[id]);
            Assert.Equal(1 + n, records[id].Version);
            var sizes = check.ReadAudit(id).Where(e => e.Field == "size_cm").ToList();
            Assert.Equal(n, sizes.Count);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(start[id] + i, double.Parse(sizes[i].OldValue!, CultureInfo.InvariantCulture));
                Assert.Equal(start[id] + i + 1, double.Parse(sizes[i].NewValue!, CultureInfo.InvariantCulture));
            }
        }
        foreach (var (id, grade) in cliPatients)
        {
            Assert.True(records.TryGetValue(id, out var record), $"{id} was imported but is missing");
            Assert.Equal(grade, TemplateCells.Of(record).ElementAt(TemplateColumns.Grade));
        }
        var verification = check.VerifyAudit();
        Assert.True(verification.IsIntact, verification.Problem);
        output.WriteLine($"{GetType().Name}: {WebWriters + CliWriters} writers x {seconds} s: {saved.Values.Sum()} web saves, {conflicts} refused as stale and retried, "
            + $"{cliPatients.Count} CLI patients, {verification.Entries} audit records, lost updates 0");
    }

    /// <summary>A template line with another id, center and (optionally) grade, and a tumour size of 5 cm.</summary>
    private static string Row(string line, string id, string center, string? grade = null)
    {
        var cells = line.Split(',');
        cells[TemplateColumns.SizeCm] = "5";
        cells[TemplateColumns.PatientId] = id;
        cells[TemplateColumns.Center] = center;
        if (grade is not null)
        {
            cells[TemplateColumns.Grade] = grade;
        }
        else if (cells[TemplateColumns.Grade] != "3")
        {
            cells[TemplateColumns.Grade] = "3";
        }
        return string.Join(',', cells);
    }

    private static Dictionary<string, double> Sizes(string db)
    {
        using var store = RegistryStore.Open(db);
        return store.LoadPatients().Where(r => Shared.Contains(r.Id)).ToDictionary(r => r.Id, r => r.Tumor.SizeCm ?? 0);
    }

    private static void Guarded(ConcurrentQueue<string> failures, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            failures.Enqueue($"{e.GetType().Name}: {e.Message}");
        }
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
