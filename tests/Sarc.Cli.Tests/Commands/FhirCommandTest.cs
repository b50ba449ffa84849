using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public sealed class FhirCommandTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sarc-fhir-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string P(string name) => Path.Combine(folder, name);

    private string Db()
    {
        var db = P("r.db");
        var files = SyntheticLongRegistry.WriteFolder(P("long"), 12);
        Assert.Equal(0, CliRun.Of("import", "--db", db, "--as-of", "2030-01-01", files).ExitCode);
        return db;
    }

    [Fact]
    public void ExportThenImport_GivesTheSameLongExport()
    {
        var db = Db();

        var export = CliRun.Of("fhir", "export", "--db", db, "--out", P("bundle.json"));
        var import = CliRun.Of("fhir", "import", "--db", P("copy.db"), "--as-of", "2030-01-01", P("bundle.json"));

        Assert.Equal(0, export.ExitCode);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(P("bundle.json"))}: 12 patients, \\d+ resources from .* \\(FHIR R4 collection bundle, mCODE profiles\\)\n$", export.Output.ReplaceLineEndings("\n"));
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal($"{P("bundle.json")}: 12 patients; 12 new, 0 updated, 0 unchanged patients in {P("copy.db")}\n", import.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, CliRun.Of("export", "--db", db, "--out", P("a")).ExitCode);
        Assert.Equal(0, CliRun.Of("export", "--db", P("copy.db"), "--out", P("b")).ExitCode);
        foreach (var file in Directory.GetFiles(P("a")))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(P("b"), Path.GetFileName(file))));
        }
    }

    [Fact]
    public void Export_OnePatient_WritesOnlyTheirResources()
    {
        var db = Db();
        var id = File.ReadAllLines(Path.Combine(P("long"), "patients.csv"))[1].Split(',')[0];

        var run = CliRun.Of("fhir", "export", "--db", db, "--patient", id, "--out", P("one.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(": 1 patient, ", run.Output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(P("one.json")), "\"resourceType\": \"Patient\""));
    }

    [Fact]
    public void Export_UnknownPatient_IsOneLine() =>
        CliRun.Of("fhir", "export", "--db", Db(), "--patient", "nobody", "--out", P("one.json")).AssertUserError("--patient: 'nobody' is not in");

    [Fact]
    public void Import_BundleThatDoesNotValidate_IsOneLineAndCreatesNoRegistry()
    {
        File.WriteAllText(P("bad.json"), """
            {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:7d4f0e4c-0d5b-4a8e-9a53-1f0e2b3c4d5e",
             "resource": {"resourceType": "Observation", "status": "final", "code": {"text": "x"}, "valueString": "a",
                          "dataAbsentReason": {"text": "y"}}}]}
            """);

        CliRun.Of("fhir", "import", "--db", P("copy.db"), P("bad.json")).AssertUserError("entry 1 (Observation) does not validate against FHIR R4");
        Assert.False(File.Exists(P("copy.db")));
    }
}
