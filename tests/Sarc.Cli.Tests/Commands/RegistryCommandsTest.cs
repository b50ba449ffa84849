using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>sarc import / export / audit / endpoints end to end on a SQLite file.</summary>
public sealed class RegistryCommandsTest : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sarc-cli-registry-").FullName;

    private string Db => Path.Combine(directory, "r.db");

    [Fact]
    public void ImportExportImportExport_IsByteIdentical()
    {
        var input = Write("in.csv", SyntheticRegistryFile.Create(50));

        var import = CliRun.Of("import", "--db", Db, input);
        Assert.Equal(0, import.ExitCode);
        Assert.StartsWith($"{input}: 50 new, 0 updated, 0 unchanged patients in {Db}", import.Output);

        var first = Path.Combine(directory, "first.csv");
        Assert.Equal(0, CliRun.Of("export", "--db", Db, "--out", first).ExitCode);
        var second = Path.Combine(directory, "second.csv");
        Assert.Equal(0, CliRun.Of("import", "--db", Path.Combine(directory, "new.db"), first).ExitCode);
        Assert.Equal(0, CliRun.Of("export", "--db", Path.Combine(directory, "new.db"), "--out", second).ExitCode);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(File.ReadAllBytes(input), File.ReadAllBytes(first));
    }

    [Fact]
    public void Import_InvalidRows_ExitTwoListsEveryLineAndChangesNothing()
    {
        var lines = SyntheticRegistryFile.Create(5).Split('\n');
        lines[2] = lines[2].Replace(",R0,", ",R9,", StringComparison.Ordinal).Replace(",R1,", ",R9,", StringComparison.Ordinal)
            .Replace(",R2,", ",R9,", StringComparison.Ordinal).Replace(",RX,", ",R9,", StringComparison.Ordinal);
        lines[4] = lines[4].Replace("P000004", "P000001", StringComparison.Ordinal);
        var input = Write("bad.csv", string.Join('\n', lines));

        var run = CliRun.Of("import", "--db", Db, input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            [$"sarc import: {input}: 2 problems, nothing imported", "line 3: margin: 'R9' is not one of R0 | R1 | R2 | RX", "line 5: patient_id: 'P000001' duplicates line 2"],
            run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Import_Again_WithoutUpdateFails_WithUpdateAuditsTheChange()
    {
        var input = Write("in.csv", SyntheticRegistryFile.Create(3));
        CliRun.Of("import", "--db", Db, input);

        var again = CliRun.Of("import", "--db", Db, input);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("line 2: patient_id: 'P000001' is already in the registry (use --update to change it)", again.Error);

        var changed = Write("changed.csv", File.ReadAllText(input).Replace("P000002,C", "P000002,X", StringComparison.Ordinal));
        var update = CliRun.Of("import", "--db", Db, "--update", "--reason", "center code corrected", changed, "--json").Json();
        Assert.Equal((0, 1, 2), (update.GetProperty("inserted").GetInt32(), update.GetProperty("updated").GetInt32(), update.GetProperty("unchanged").GetInt32()));

        var audit = CliRun.Of("audit", "--db", Db, "--patient", "P000002", "--json").Json().GetProperty("audit");
        var last = audit[audit.GetArrayLength() - 1];
        Assert.Equal("update", last.GetProperty("action").GetString());
        Assert.Equal("center", last.GetProperty("field").GetString());
        Assert.Equal(Environment.UserName, last.GetProperty("who").GetString());
        Assert.Equal("changed.csv", last.GetProperty("source_file").GetString());
        Assert.Equal(64, last.GetProperty("source_sha256").GetString()!.Length);
        Assert.Equal("center code corrected", last.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, audit[0].GetProperty("reason").ValueKind);
        Assert.Contains("center code corrected", CliRun.Of("audit", "--db", Db, "--patient", "P000002").Output);
    }

    [Fact]
    public void Endpoints_Os_WritesOneRowPerPatient()
    {
        CliRun.Of("import", "--db", Db, Write("in.csv", SyntheticRegistryFile.Create(20)));
        var output = Path.Combine(directory, "os.csv");

        var run = CliRun.Of("endpoints", "--db", Db, "--endpoint", "os", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("patient_id,time,event,age,surgery_year,sex,center,histology,histology_name", lines[0]);
        Assert.Equal(21, lines.Length);
    }

    [Fact]
    public void Endpoints_Multistate_FeedsSarcMultistateAndCoxTransitionAsIs_MatchingRSurvfit()
    {
        // The synthetic registry of validation/registry_endpoints.R, imported and derived through the CLI.
        Assert.Equal(0, CliRun.Of("import", "--db", Db, Fixture.PathOf("validation", "data", "registry_long")).ExitCode);
        var ms = Path.Combine(directory, "ms.csv");
        Assert.Equal(0, CliRun.Of("endpoints", "--db", Db, "--endpoint", "multistate", "--out", ms).ExitCode);

        var occupancy = CliRun.Of("multistate", "--data", ms, "--id", "patient_id", "--start", "start", "--stop", "stop",
            "--event", "event", "--states", "lr,dm,death", "--at", "12,60,120", "--json").Json();
        var transition = CliRun.Of("cox", "--data", ms, "--formula", "Surv(start, stop, event) ~ age", "--transition", "lr:dm",
            "--id", "patient_id", "--json").Json();

        var checks = Fixture.Reference("registry_endpoints").GetProperty("checks");
        var pstate = checks.GetProperty("multistate_pstate").EnumerateArray().ToArray();
        string[] states = ["entry", "lr", "dm", "death"];
        var at = occupancy.GetProperty("at").EnumerateArray().ToArray();
        for (var k = 0; k < pstate.Length; k++)
        {
            var expected = Fixture.Numbers(pstate[k]);
            for (var s = 0; s < states.Length; s++)
            {
                AssertNear.Relative(expected[s], at[k].GetProperty("pstate").GetProperty(states[s]).GetDouble(), Tolerance.Estimate, $"P({states[s]}) at row {k}");
            }
        }
        var lrToDm = occupancy.GetProperty("transitions").EnumerateArray().Single(t => t.GetProperty("from").GetString() == "lr" && t.GetProperty("to").GetString() == "dm");
        Assert.Equal(lrToDm.GetProperty("n").GetInt32(), transition.GetProperty("events").GetInt32());
    }

    [Fact]
    public void Endpoints_UnknownName_IsUserErrorAndCreatesNoDatabase()
    {
        CliRun.Of("endpoints", "--db", Db, "--endpoint", "efs", "--out", Path.Combine(directory, "x.csv"))
            .AssertUserError("unknown endpoint 'efs'; the endpoints are: os, dfs, lrfs, dmfs, pfs, lr-cr, dm-cr, post-relapse-os, pm-dfs, pm-os, stfs, multistate");
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Endpoints_AndAStudy_GiveTheSameEventsForEveryEndpoint()
    {
        // One engine: `sarc endpoints` and the dataset a study runs on, on the same registry, patient by patient.
        Assert.Equal(0, CliRun.Of("import", "--db", Db, Fixture.PathOf("validation", "data", "registry_long")).ExitCode);
        Sarc.Data.Tables.DataFrame dataset;
        using (var store = Sarc.Registry.Storage.RegistryStore.Open(Db))
        {
            dataset = Sarc.Studies.Running.StudyData.FromRegistry(store);
        }
        var ids = dataset.Column("patient_id").Texts!;
        foreach (var kind in Sarc.Registry.Endpoints.EndpointNames.SingleRow)
        {
            var name = Sarc.Registry.Endpoints.EndpointNames.NameOf(kind);
            var csv = Path.Combine(directory, name + ".csv");
            Assert.Equal(0, CliRun.Of("endpoints", "--db", Db, "--endpoint", name, "--out", csv).ExitCode);
            var lines = File.ReadAllLines(csv);
            var header = lines[0].Split(',');
            var (time, status) = (Array.IndexOf(header, "time"), Array.IndexOf(header, Sarc.Registry.Endpoints.EndpointNames.IsCompetingRisks(kind) ? "status" : "event"));
            var cli = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => (double.Parse(c[time], System.Globalization.CultureInfo.InvariantCulture), double.Parse(c[status], System.Globalization.CultureInfo.InvariantCulture)));
            var months = dataset.Column(Sarc.Registry.Endpoints.EndpointNames.StudyNameOf(kind) + "_months").Numbers!;
            var events = dataset.Column(Sarc.Registry.Endpoints.EndpointNames.StudyNameOf(kind) + "_event").Numbers!;
            var inStudy = 0;
            for (var i = 0; i < ids.Length; i++)
            {
                if (double.IsNaN(events[i]))
                {
                    Assert.False(cli.ContainsKey(ids[i]!), $"{name}: {ids[i]} is in the CLI table but not in the study");
                    continue;
                }
                inStudy++;
                Assert.Equal((months[i], events[i]), cli[ids[i]!]);
            }
            Assert.Equal(cli.Count, inStudy);
        }
    }

    [Fact]
    public void ExportLong_ToAFolderAndToXlsx_ImportsBackByteIdentical()
    {
        Assert.Equal(0, CliRun.Of("import", "--db", Db, Fixture.PathOf("validation", "data", "registry_long")).ExitCode);
        var first = Path.Combine(directory, "first");
        var xlsx = Path.Combine(directory, "export.xlsx");
        Assert.Equal(0, CliRun.Of("export", "--db", Db, "--out", first).ExitCode);
        Assert.Equal(0, CliRun.Of("export", "--db", Db, "--out", xlsx).ExitCode);

        foreach (var (source, db) in new[] { (first, "from-folder.db"), (xlsx, "from-xlsx.db") })
        {
            var again = Path.Combine(directory, db);
            var second = Path.Combine(directory, db + "-export");
            Assert.Equal(0, CliRun.Of("import", "--db", again, source).ExitCode);
            Assert.Equal(0, CliRun.Of("export", "--db", again, "--out", second).ExitCode);
            foreach (var file in new[] { "patients", "surgeries", "radiotherapy", "systemic", "events", "followup" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(first, file + ".csv")), File.ReadAllBytes(Path.Combine(second, file + ".csv")));
            }
        }
    }

    [Fact]
    public void ExportFlat_OfALongRegistry_WarnsOnceHowManyPatientsItCannotShowInFull()
    {
        Assert.Equal(0, CliRun.Of("import", "--db", Db, Fixture.PathOf("validation", "data", "registry_long")).ExitCode);

        var run = CliRun.Of("export", "--db", Db, "--out", Path.Combine(directory, "flat.csv"));

        Assert.Equal(0, run.ExitCode);
        var warning = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^sarc export: \d+ patients have more than the flat template can show", warning);
    }

    [Fact]
    public void Import_DateAfterAsOf_IsRefusedAndNothingIsCreated()
    {
        var input = Write("in.csv", SyntheticRegistryFile.Create(3));

        var run = CliRun.Of("import", "--db", Db, "--as-of", "2001-01-01", input);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is in the future (after today, 2001-01-01)", run.Error);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Audit_UnreachablePostgres_IsOneLineNamingHostAndPort()
    {
        CliRun.Of("audit", "--db", "Host=127.0.0.1;Port=1;Database=sarc;Username=u")
            .AssertUserError("cannot connect to PostgreSQL at 127.0.0.1:1");
    }

    [Fact]
    public void Export_DatabaseThatIsNotSqlite_IsOneLineUserError()
    {
        var notDb = Write("not.db", new string('x', 2048));
        CliRun.Of("export", "--db", notDb, "--out", Path.Combine(directory, "o.csv")).AssertUserError("is not a SQLite database");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
