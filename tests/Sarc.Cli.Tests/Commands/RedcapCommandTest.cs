using Sarc.Testing;

namespace Sarc.Cli.Tests.Commands;

public sealed class RedcapCommandTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sarc-redcap-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string P(string name) => Path.Combine(folder, name);

    private static string Dictionary => Fixture.PathOf("interop", "redcap", "sarc_data_dictionary.csv");

    private string Db(int patients = 15)
    {
        var db = P("r.db");
        var files = SyntheticLongRegistry.WriteFolder(P("long"), patients);
        Assert.Equal(0, CliRun.Of("import", "--db", db, "--as-of", "2030-01-01", files).ExitCode);
        return db;
    }

    [Fact]
    public void Project_WritesTheCommittedDictionaryAndRepeatingInstruments()
    {
        var run = CliRun.Of("redcap", "project", "--out", P("project"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(Dictionary), File.ReadAllText(P("project/sarc_data_dictionary.csv")));
        Assert.Equal(File.ReadAllText(Fixture.PathOf("interop", "redcap", "repeating_instruments.csv")), File.ReadAllText(P("project/repeating_instruments.csv")));
        Assert.Equal($"{P("project/sarc_data_dictionary.csv")}: 42 fields on 6 instruments\n{P("project/repeating_instruments.csv")}: 5 repeating instruments\n",
            run.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ExportThenImport_GivesTheSameLongExport()
    {
        var db = Db();

        var export = CliRun.Of("redcap", "export", "--db", db, "--out", P("records.csv"));
        var import = CliRun.Of("redcap", "import", "--db", P("copy.db"), "--dictionary", Dictionary, "--records", P("records.csv"), "--as-of", "2030-01-01");

        Assert.Equal(0, export.ExitCode);
        Assert.StartsWith($"{P("records.csv")}: 15 records in ", export.Output, StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal($"{P("records.csv")}: 15 records; 15 new, 0 updated, 0 unchanged patients in {P("copy.db")}\n", import.Output.ReplaceLineEndings("\n"));
        Assert.Equal(0, CliRun.Of("export", "--db", db, "--out", P("a")).ExitCode);
        Assert.Equal(0, CliRun.Of("export", "--db", P("copy.db"), "--out", P("b")).ExitCode);
        foreach (var file in Directory.GetFiles(P("a")))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(P("b"), Path.GetFileName(file))));
        }
    }

    [Fact]
    public void Import_UnmappableCode_ListsEveryRecordExitsTwoAndImportsNothing()
    {
        Assert.Equal(0, CliRun.Of("redcap", "export", "--db", Db(), "--out", P("records.csv")).ExitCode);
        var lines = File.ReadAllLines(P("records.csv"));
        var margin = Array.IndexOf(lines[0].Split(','), "surg_margin");
        var broken = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells[1] == "surgery" && cells[2] == "1" && broken.Count < 2 && !lines[i].Contains('"'))
            {
                cells[margin] = "9";
                lines[i] = string.Join(",", cells);
                broken.Add(cells[0]);
            }
        }
        File.WriteAllLines(P("records.csv"), lines);

        var run = CliRun.Of("redcap", "import", "--db", P("copy.db"), "--dictionary", Dictionary, "--records", P("records.csv"), "--as-of", "2030-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            [
                $"sarc redcap import: {P("records.csv")}: 2 problems, nothing imported",
                .. broken.Select(id => $"record {id}, instrument surgery, instance 1: field surg_margin: code 9 is not in the mapping"),
            ],
            run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(P("copy.db")));
    }

    [Fact]
    public void Import_DictionaryNotInREDCapsFormat_IsOneLine()
    {
        File.WriteAllText(P("dd.csv"), "patient_id,center\n");
        File.WriteAllText(P("records.csv"), "record_id\n1\n");

        CliRun.Of("redcap", "import", "--db", P("copy.db"), "--dictionary", P("dd.csv"), "--records", P("records.csv"))
            .AssertUserError($"{P("dd.csv")}:line 1: not a REDCap data dictionary: column 1 is 'patient_id', expected 'Variable / Field Name'");
        Assert.False(File.Exists(P("copy.db")));
    }

    [Fact]
    public void Import_UnknownFieldInTheMapping_IsOneLineNamingTheMappingLine()
    {
        File.WriteAllText(P("records.csv"), "record_id\n1\n");
        File.WriteAllText(P("map.yaml"), "instruments:\n  - instrument: patient\n    entity: patients\n    fields:\n      center: centre\n");

        CliRun.Of("redcap", "import", "--db", P("copy.db"), "--dictionary", Dictionary, "--records", P("records.csv"), "--mapping", P("map.yaml"))
            .AssertUserError($"{P("map.yaml")}:line 5: center: field 'centre' is not in the data dictionary");
        Assert.False(File.Exists(P("copy.db")));
    }

    [Fact]
    public void Pull_TokenFileWithoutAToken_IsOneLine()
    {
        File.WriteAllText(P("token"), "secret\n");

        CliRun.Of("redcap", "pull", "--db", P("copy.db"), "--url", "http://127.0.0.1:9/api/", "--token-file", P("token"))
            .AssertUserError("does not hold a REDCap API token");
    }

    [Fact]
    public void Pull_UrlThatIsNotHttp_IsOneLine() =>
        CliRun.Of("redcap", "pull", "--db", P("copy.db"), "--url", "redcap.example.org", "--token-file", P("token"))
            .AssertUserError("--url: 'redcap.example.org' is not an http(s) URL");
}
