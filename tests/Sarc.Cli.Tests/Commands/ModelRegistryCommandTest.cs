using System.Text.Json;
using Sarc.Registry.Storage;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

/// <summary>
/// sarc model with a registry: a model fitted from the registry (its snapshot hash the one a study report states), and
/// register / list / unregister end to end on a SQLite file, with every mistake as one line.
/// </summary>
public sealed class ModelRegistryCommandTest : IDisposable
{
    private const string Terms = "~ rcs(age, 3) + factor(grade)";

    private readonly string _folder = Directory.CreateTempSubdirectory("sarc-model-registry-").FullName;

    public ModelRegistryCommandTest()
    {
        var input = Path.Combine(_folder, "registry.csv");
        File.WriteAllText(input, SyntheticRegistryFile.Create(400));
        Assert.Equal(0, CliRun.Of("import", "--db", Db, input).ExitCode);
    }

    private string Db => Path.Combine(_folder, "r.db");

    private string Out(string name) => Path.Combine(_folder, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string FitFromRegistry(string name = "os.yaml")
    {
        var run = CliRun.Of("model", "fit", "--db", Db, "--endpoint", "os", "--formula", Terms, "--times", "60", "--name", "OS", "--out", Out(name));
        Assert.True(run.ExitCode == 0, run.Error);
        return Out(name);
    }

    [Fact]
    public void Fit_FromRegistry_IsTheStudysModelAndRecordsTheReportsDataSnapshot()
    {
        var model = File.ReadAllText(FitFromRegistry());
        var study = Out("study.yaml");
        File.WriteAllText(study, $"id: s\ntitle: S\nanalyses:\n  - id: m\n    kind: model\n    endpoint: os\n    formula: \"{Terms}\"\n    times: [60]\n");

        var report = CliRun.Of("study", "run", study, "--db", Db, "--out", Out("report"));

        Assert.True(report.ExitCode == 0, report.Error);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("report"), "results.json")));
        var snapshot = results.RootElement.GetProperty("provenance").GetProperty("data").GetProperty("snapshot_sha256").GetString()!;
        Assert.Contains($"  sha256: \"{snapshot}\"", model);
        Assert.Contains("  data: \"r.db\"", model);
        Assert.Contains("formula: \"Surv(os_months, os_event) ~ rcs(age, 3) + factor(grade)\"", model);
        var fromStudy = File.ReadAllText(Path.Combine(Out("report"), "s-m.yaml"));
        Assert.Equal(Section(fromStudy, "coefficients:"), Section(model, "coefficients:"));
        Assert.Equal(Section(fromStudy, "fitted:"), Section(model, "fitted:"));
    }

    [Fact]
    public void Fit_FineGrayFromRegistry_TakesTheCauseOfACompetingEndpoint()
    {
        var run = CliRun.Of("model", "fit", "--db", Db, "--endpoint", "dm_cr", "--cause", "1", "--formula", "size_cm + factor(grade)", "--times", "60", "--out", Out("dm.yaml"), "--json");

        var json = run.Json();
        Assert.Equal("finegray", json.GetProperty("kind").GetString());
        Assert.Equal("Surv(dm_cr_months, dm_cr_event) ~ size_cm + factor(grade)", json.GetProperty("formula").GetString());
    }

    [Theory]
    [InlineData("--db|DB|--formula|~ age|--times|60", "--db needs --endpoint")]
    [InlineData("--db|DB|--endpoint|os|--formula|Surv(os_months, os_event) ~ age|--times|60", "--formula: with --endpoint give only the terms (\"~ age\")")]
    [InlineData("--db|DB|--endpoint|dm_cr|--formula|~ age|--times|60", "--endpoint dm_cr is a competing-risks endpoint: give --cause")]
    [InlineData("--db|DB|--endpoint|os|--cause|1|--formula|~ age|--times|60", "--cause needs a competing-risks endpoint")]
    [InlineData("--db|DB|--endpoint|survival|--formula|~ age|--times|60", "--endpoint: 'survival' is not an endpoint")]
    [InlineData("--data|validation/data/models_dev.csv|--endpoint|os|--formula|~ age|--times|60", "--endpoint goes with --db")]
    [InlineData("--formula|~ age|--times|60", "give the data with exactly one of --data FILE or --db REGISTRY")]
    [InlineData("--db|DB|--endpoint|os|--formula|~ age|--times|600", "600 is beyond the last follow-up time")]
    public void Fit_FromRegistry_MistakesAreOneLine(string arguments, string message)
    {
        var args = arguments.Split('|').Select(a => a == "DB" ? Db : a.StartsWith("validation/", StringComparison.Ordinal) ? Fixture.PathOf(a.Split('/')) : a);

        var run = CliRun.Of(["model", "fit", .. args, "--out", Out("bad.yaml")]);

        run.AssertUserError(message);
        Assert.False(File.Exists(Out("bad.yaml")));
    }

    [Fact]
    public void RegisterListUnregister_StoresTheModelWithItsValidationAndAuditsEachChange()
    {
        var model = FitFromRegistry();

        var forC3 = CliRun.Of("model", "register", "--db", Db, model, "--center", "C3", "--reason", "local model");
        var forAll = CliRun.Of("model", "register", "--db", Db, model, "--name", "OS everywhere", "--reason", "for all");
        var list = CliRun.Of("model", "list", "--db", Db, "--json").Json().GetProperty("models").EnumerateArray().ToArray();
        var forC5 = CliRun.Of("model", "list", "--db", Db, "--center", "C5", "--json").Json().GetProperty("models").EnumerateArray().ToArray();
        var removed = CliRun.Of("model", "unregister", "--db", Db, "--name", "OS", "--center", "C3", "--reason", "superseded");

        Assert.True(forC3.ExitCode == 0, forC3.Error);
        Assert.StartsWith("Registered 'OS' (id 1) for center C3: Cox model of Surv(os_months, os_event) ~ rcs(age, 3) + factor(grade) at 60", forC3.Output);
        Assert.StartsWith("Registered 'OS everywhere' (id 2) for all centers", forAll.Output);
        Assert.Contains("of r.db, the registry snapshot it was fitted on (not an external validation):", forAll.Output);
        Assert.Equal([("OS", "C3"), ("OS everywhere", null)], list.Select(m => (m.GetProperty("name").GetString()!, m.GetProperty("center").GetString())));
        var validation = list[0].GetProperty("validation");
        Assert.Equal("C3", validation.GetProperty("center").GetString());
        Assert.True(validation.GetProperty("n").GetInt32() is > 0 and < 300, "validated on the patients of C3 only");
        Assert.Equal(60, validation.GetProperty("times")[0].GetProperty("time").GetDouble());
        Assert.True(list[1].GetProperty("validation").GetProperty("n").GetInt32() > validation.GetProperty("n").GetInt32());
        Assert.Equal(["OS everywhere"], forC5.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("Unregistered 'OS' (id 1) for center C3\n", removed.Output);
        Assert.Equal(["OS everywhere"], CliRun.Of("model", "list", "--db", Db, "--json").Json().GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        using var store = RegistryStore.Open(Db);
        var audit = store.ReadAudit("").Where(e => e.Entity == "prediction_model").Select(e => (e.Action.ToString(), e.Reason)).ToArray();
        Assert.Equal([("Insert", "local model"), ("Insert", "for all"), ("Delete", "superseded")], audit);
    }

    [Fact]
    public void Register_Mistakes_AreOneLineAndRegisterNothing()
    {
        var model = FitFromRegistry();
        Assert.Equal(0, CliRun.Of("model", "register", "--db", Db, model).ExitCode);
        var foreign = Out("foreign.yaml");
        File.WriteAllText(foreign, File.ReadAllText(model).Replace("\"age\"", "\"age_years\"", StringComparison.Ordinal));
        var invalid = Out("invalid.yaml");
        File.WriteAllText(invalid, File.ReadAllText(model).Replace("kind: cox", "kind: logistic", StringComparison.Ordinal));

        CliRun.Of("model", "register", "--db", Db, model).AssertUserError("a model named 'OS' is already registered for all centers: unregister it first, or choose another --name");
        CliRun.Of("model", "register", "--db", Db, foreign, "--name", "X").AssertUserError($"{foreign}: the model reads 'age_years', which is not a column of the registry's study dataset");
        CliRun.Of("model", "register", "--db", Db, invalid, "--name", "Y").AssertUserError($"{invalid}: line 5:");
        CliRun.Of("model", "register", "--db", Out("none.db"), model, "--name", "Z").AssertUserError("does not exist");
        CliRun.Of("model", "unregister", "--db", Db, "--name", "OS", "--center", "C1").AssertUserError("no model named 'OS' is registered for center C1 (see sarc model list)");
        Assert.Single(CliRun.Of("model", "list", "--db", Db, "--json").Json().GetProperty("models").EnumerateArray());
    }

    /// <summary>The lines of a YAML section: its key line and the indented lines after it.</summary>
    private static string Section(string yaml, string key)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l == key);
        Assert.True(start >= 0, $"no '{key}' in the model file");
        return string.Join('\n', lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith(' ')));
    }
}
