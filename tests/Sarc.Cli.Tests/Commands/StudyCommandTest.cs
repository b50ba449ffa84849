using System.Text.Json;
using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public class StudyCommandTest
{
    [Fact]
    public void Validate_SeedStudies_AreAllOk()
    {
        var files = Directory.GetFiles(Fixture.PathOf("studies"), "*.yaml").Order().ToArray();

        var run = CliRun.Of(["study", "validate", .. files]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(": ok (")));
    }

    [Fact]
    public void Validate_DefinitionWithMistakes_ListsEachWithFileAndLineAndExits2()
    {
        using var file = new TempFile("id: x\ntitle: X\ncohort:\n  sight: trunk\nanalyses:\n  - id: a\n    kind: kaplan\n  - id: b\n    kind: cox\n    endpoint: os\n    formula: \"~ grade + tumour_size\"\n", ".yaml");

        var run = CliRun.Of("study", "validate", file.Path);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{file.Path}:4:3: unknown field 'sight'", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{file.Path}:7:11: unknown analysis kind 'kaplan'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file.Path}:11:14: formula term 'tumour_size' is not a column", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Run_DefinitionError_StopsBeforeWritingAnything()
    {
        using var file = new TempFile("id: x\ntitle: X\nanalyses:\n  - id: a\n    kind: kaplan\n", ".yaml");
        var folder = Path.Combine(Path.GetTempPath(), "sarc-study-" + Guid.NewGuid().ToString("N"));

        var run = CliRun.Of("study", "run", file.Path, "--data", "nonexistent.csv", "--out", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Demo_SmallRegistry_WritesThePageFiguresAndResultsForTheBuiltInStudies()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sarc-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliRun.Of("demo", "--out", folder, "--patients", "400", "--seed", "3");

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.True(File.Exists(Path.Combine(folder, "index.html")));
            Assert.True(File.Exists(Path.Combine(folder, "data", "registry.db")));
            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
            var ids = results.RootElement.GetProperty("studies").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(["necrosis-outcomes", "metastatic-cmt", "pulmonary-metastasectomy", "lr-dm-multistate", "rps-post-relapse", "prognostic-nomogram"], ids);
            Assert.NotEmpty(Directory.GetFiles(folder, "*.svg"));
            Assert.Equal(Directory.GetFiles(folder, "*.svg").Length, Directory.GetFiles(folder, "*.png").Length);
            Assert.StartsWith("sarc demo --out", results.RootElement.GetProperty("provenance").GetProperty("run_by").GetString(), StringComparison.Ordinal);

            // A fresh report is reproduced from its registry...
            var database = Path.Combine(folder, "data", "registry.db");
            var verified = CliRun.Of("study", "verify", folder, "--db", database);
            Assert.True(verified.ExitCode == 0, verified.Error);
            Assert.Contains("reproduced (6 studies", verified.Output);

            // ...and not after an audited edit of one patient: exit 2 naming the first difference.
            var export = Path.Combine(folder, "edit.csv");
            Assert.Equal(0, CliRun.Of("export", "--db", database, "--out", export).ExitCode);
            var lines = File.ReadAllLines(export);
            var header = lines[0].Split(',');
            var bmi = Array.IndexOf(header, "bmi");
            var cells = lines[1].Split(',');
            cells[bmi] = cells[bmi] == "45.5" ? "18.5" : "45.5";
            File.WriteAllLines(export, [lines[0], string.Join(',', cells)]);
            Assert.Equal(0, CliRun.Of("import", "--db", database, "--update", "--reason", "test edit", export).ExitCode);
            var changed = CliRun.Of("study", "verify", folder, "--db", database);
            Assert.Equal(2, changed.ExitCode);
            Assert.Matches(@"results\.json: not reproduced: \$\.[a-z_\.\[\]0-9]+: .+ in the report, .+ now", changed.Error.Trim());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public void Validate_StudyIdThatCouldLeaveTheReportFolder_IsRefused(string id)
    {
        using var file = new TempFile($"id: \"{id}\"\ntitle: T\nanalyses:\n  - id: a\n    kind: rates\n    outcomes: [lr]\n", ".yaml");

        var run = CliRun.Of("study", "validate", file.Path);

        run.AssertUserError($"id '{id}' must be letters, digits");
    }

    [Fact]
    public void Run_UnknownFigureFormat_IsAUserErrorBeforeAnythingIsWritten()
    {
        using var file = new TempFile("id: t\ntitle: T\nanalyses:\n  - id: a\n    kind: rates\n    outcomes: [lr]\n", ".yaml");
        var folder = Path.Combine(Path.GetTempPath(), "sarc-study-" + Guid.NewGuid().ToString("N"));

        CliRun.Of("study", "run", file.Path, "--data", "x.csv", "--out", folder, "--figure-formats", "svg,gif").AssertUserError("--figure-formats: 'gif' is not one of svg, png, pdf, tiff");
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Verify_FolderWithoutResults_IsAUserError()
    {
        var folder = Directory.CreateTempSubdirectory("sarc-verify-").FullName;
        try
        {
            CliRun.Of("study", "verify", folder, "--db", "x.db").AssertUserError("no results.json in the report folder");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Demo_TooFewPatients_IsAUserError()
    {
        CliRun.Of("demo", "--patients", "10").AssertUserError("--patients must be at least 50");
    }
}
