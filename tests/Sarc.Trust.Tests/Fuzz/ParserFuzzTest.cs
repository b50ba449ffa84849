using System.IO.Compression;
using System.Text;
using Sarc.Data.Formulas;
using Sarc.Interop.Redcap;
using Sarc.Registry;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Template;
using Sarc.Studies.Definitions;
using Sarc.Surveillance.Rules;
using Sarc.Testing;
using Xunit.Abstractions;

namespace Sarc.Trust.Tests.Fuzz;

/// <summary>
/// Bounded fuzzing of every parser a user feeds (issue 17): the flat template (CSV and XLSX), the long format (a
/// folder of CSV files and an XLSX workbook), formulas, study definitions, surveillance rule files, and REDCap's data
/// dictionary and records exports. Each case is
/// a damaged valid input (<see cref="Fuzzer"/>); it must end quickly with a result or one-line user errors. Fixed
/// hostile cases too: YAML alias bombs, deep nesting, a huge single field.
/// </summary>
public sealed class ParserFuzzTest(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 12, 3);

    private readonly string folder = Directory.CreateTempSubdirectory("sarc-fuzz-").FullName;

    [Fact]
    public void FlatTemplateCsv_Damaged_GivesRowsOrOneLineErrors()
    {
        var valid = SyntheticRegistryFile.Create(6);
        var random = Fuzzer.Random("template-csv");
        var path = Path.Combine(folder, "t.csv");
        var cases = Fuzzer.Cases(300);
        for (var i = 0; i < cases; i++)
        {
            var text = Fuzzer.Mutate(valid, random);
            File.WriteAllText(path, text);
            Fuzzer.Check("template csv", text, () => RegistryImporter.Parse(path, AsOf).Errors.Select(e => e.ToString()));
        }
        output.WriteLine($"template csv: {cases} cases");
    }

    [Fact]
    public void LongFormatFolder_Damaged_GivesPatientsOrOneLineErrors()
    {
        var files = SyntheticLongRegistry.Create(5);
        var random = Fuzzer.Random("long-csv");
        var dir = Path.Combine(folder, "long");
        var cases = Fuzzer.Cases(200);
        for (var i = 0; i < cases; i++)
        {
            Directory.CreateDirectory(dir);
            var damaged = random.Next(files.Count);
            var text = Fuzzer.Mutate(files[damaged], random);
            for (var f = 0; f < files.Count; f++)
            {
                File.WriteAllText(Path.Combine(dir, SyntheticLongRegistry.Files[f] + ".csv"), f == damaged ? text : files[f]);
            }
            Fuzzer.Check($"long format {SyntheticLongRegistry.Files[damaged]}.csv", text, () => RegistryImporter.Parse(dir, AsOf).Errors.Select(e => e.ToString()));
        }
        output.WriteLine($"long format folder: {cases} cases");
    }

    [Fact]
    public void Workbooks_Damaged_GivePatientsOrOneLineErrors()
    {
        var dir = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, "src"), 4);
        var records = RegistryImporter.Parse(dir, AsOf).Batch.Rows.Select(r => r.Record).ToList();
        var longBook = Path.Combine(folder, "long.xlsx");
        LongFormatWriter.WriteWorkbook(records, longBook);
        var flatBook = Path.Combine(folder, "flat.xlsx");
        TemplateWriter.WriteFile(records, flatBook);
        var random = Fuzzer.Random("xlsx");
        var path = Path.Combine(folder, "damaged.xlsx");
        var cases = Fuzzer.Cases(200);
        for (var i = 0; i < cases; i++)
        {
            var source = random.Next(2) == 0 ? longBook : flatBook;
            var shown = random.Next(2) == 0 ? DamageBytes(File.ReadAllBytes(source), random, path) : DamageSheetXml(source, random, path);
            Fuzzer.Check($"xlsx ({Path.GetFileName(source)})", shown, () => RegistryImporter.Parse(path, AsOf).Errors.Select(e => e.ToString()));
        }
        output.WriteLine($"xlsx: {cases} cases");
    }

    [Fact]
    public void Formulas_Damaged_GiveAFormulaOrOneLineError()
    {
        string[] valid =
        [
            "Surv(time, event) ~ age + factor(grade) + size:depth",
            "Surv(start, stop, status) ~ strata(center) + cluster(id) + x*y",
            "Surv(t, e) ~ `tumour size` + I(age^2) - 1",
            "~ a + b + a:b",
        ];
        var random = Fuzzer.Random("formula");
        var cases = Fuzzer.Cases(3000);
        for (var i = 0; i < cases; i++)
        {
            var text = Fuzzer.Mutate(valid[random.Next(valid.Length)], random);
            Fuzzer.Check("formula", text, () => { Formula.Parse(text); return []; });
        }
        output.WriteLine($"formula: {cases} cases");
    }

    [Fact]
    public void StudyDefinitions_Damaged_GiveAStudyOrOneLineErrors()
    {
        var valid = Directory.GetFiles(Path.Combine(RepositoryRoot(), "studies"), "*.yaml").Select(File.ReadAllText).ToList();
        var random = Fuzzer.Random("study");
        var cases = Fuzzer.Cases(400);
        for (var i = 0; i < cases; i++)
        {
            var text = Fuzzer.Mutate(valid[random.Next(valid.Count)], random);
            Fuzzer.Check("study yaml", text, () => StudyParser.Parse(text, "study.yaml").Errors.Select(e => e.ToString()));
        }
        output.WriteLine($"study yaml: {cases} cases");
    }

    [Fact]
    public void RuleFiles_Damaged_GiveRulesOrOneLineErrors()
    {
        var valid = RuleSet.DefaultText();
        var random = Fuzzer.Random("rules");
        var cases = Fuzzer.Cases(400);
        for (var i = 0; i < cases; i++)
        {
            var text = Fuzzer.Mutate(valid, random);
            Fuzzer.Check("rules yaml", text, () => RuleSet.TryParse(text, "rules.yaml").Errors.Select(e => e.ToString()));
        }
        output.WriteLine($"rules yaml: {cases} cases");
    }

    [Fact]
    public void RedcapDictionary_Damaged_GivesADictionaryOrOneLineError()
    {
        var valid = SarcRedcapProject.Dictionary.ToString();
        var random = Fuzzer.Random("redcap-dictionary");
        var cases = Fuzzer.Cases(300);
        for (var i = 0; i < cases; i++)
        {
            var text = Fuzzer.Mutate(valid, random);
            Fuzzer.Check("redcap dictionary", text, () => { RedcapDictionary.Parse(text, "dictionary.csv"); return []; });
        }
        output.WriteLine($"redcap dictionary: {cases} cases");
    }

    [Fact]
    public void RedcapRecords_Damaged_GiveMappedRowsOrOneLineProblems()
    {
        var dir = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, "src"), 4);
        var writer = new StringWriter();
        RedcapExporter.Write([.. RegistryImporter.Parse(dir, AsOf).Batch.Rows.Select(r => r.Record)], writer);
        var valid = writer.ToString();
        var mapped = RedcapRecordMapper.Map(RedcapCsv.Read(valid, "records.csv"), SarcRedcapProject.Dictionary, SarcRedcapProject.Mapping);
        Assert.Equal((4, 0), (mapped.Records, mapped.Problems.Count));
        var random = Fuzzer.Random("redcap-records");
        var cases = Fuzzer.Cases(300);
        for (var i = 0; i < cases; i++)
        {
            var text = Fuzzer.Mutate(valid, random);
            Fuzzer.Check("redcap records", text,
                () => RedcapRecordMapper.Map(RedcapCsv.Read(text, "records.csv"), SarcRedcapProject.Dictionary, SarcRedcapProject.Mapping).Problems);
        }
        output.WriteLine($"redcap records: {cases} cases");
    }

    [Fact]
    public void Yaml_AliasBombsAndDeepNesting_EndQuicklyWithOneLineErrors()
    {
        var laughs = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append($"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]\n");
        }
        string[] hostile =
        [
            laughs.ToString(),
            "id: x\nanalyses: " + new string('[', 100_000) + new string(']', 100_000) + "\n",
            "id: x\ncohort: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)) + "1" + new string('}', 50_000) + "\n",
            "id: &x [*x]\n",
            "id: " + new string('x', 5_000_000) + "\n",
        ];
        foreach (var text in hostile)
        {
            Fuzzer.Check("study yaml (hostile)", text, () => StudyParser.Parse(text, "study.yaml").Errors.Select(e => e.ToString()));
            Fuzzer.Check("rules yaml (hostile)", text, () => RuleSet.TryParse(text, "rules.yaml").Errors.Select(e => e.ToString()));
        }
        Fuzzer.Check("formula (hostile)", "deep", () => { Formula.Parse("Surv(t, e) ~ " + new string('(', 200_000) + "x" + new string(')', 200_000)); return []; });
    }

    [Fact]
    public void TemplateCsv_OneHugeField_EndsWithOneLineErrors()
    {
        // 100 MB with SARC_FUZZ_BIG_MB=100; 8 MB in ./test.
        var megabytes = int.TryParse(Environment.GetEnvironmentVariable("SARC_FUZZ_BIG_MB"), out var mb) && mb > 0 ? mb : 8;
        var path = Path.Combine(folder, "huge.csv");
        var lines = SyntheticRegistryFile.Create(2).Split('\n');
        using (var writer = new StreamWriter(path))
        {
            writer.Write(lines[0] + "\n");
            var cells = lines[1].Split(',');
            writer.Write("\"");
            for (var i = 0; i < megabytes; i++)
            {
                writer.Write(new string('x', 1 << 20));
            }
            writer.Write("\"," + string.Join(',', cells[1..]) + "\n");
        }
        Fuzzer.Check("template csv (huge field)", $"{megabytes} MB patient id", () => RegistryImporter.Parse(path, AsOf).Errors.Select(e => e.ToString()));
    }

    /// <summary>Writes <paramref name="bytes"/> with a few random bytes changed, cut or repeated to <paramref name="path"/>; a description.</summary>
    private static string DamageBytes(byte[] bytes, Random random, string path)
    {
        var damaged = new List<byte>(bytes);
        for (var hits = random.Next(1, 6); hits > 0; hits--)
        {
            var at = random.Next(damaged.Count);
            switch (random.Next(3))
            {
                case 0:
                    damaged[at] = (byte)random.Next(256);
                    break;
                case 1:
                    damaged.RemoveRange(at, Math.Min(random.Next(1, 64), damaged.Count - at));
                    break;
                default:
                    damaged.RemoveRange(at, damaged.Count - at);
                    break;
            }
            if (damaged.Count == 0)
            {
                break;
            }
        }
        File.WriteAllBytes(path, [.. damaged]);
        return $"{damaged.Count} bytes, damaged at random";
    }

    /// <summary>Writes the workbook at <paramref name="source"/> with one sheet's XML damaged as text to <paramref name="path"/>; that XML.</summary>
    private static string DamageSheetXml(string source, Random random, string path)
    {
        File.Copy(source, path, overwrite: true);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList();
        var entry = sheets[random.Next(sheets.Count)];
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }
        var name = entry.FullName;
        entry.Delete();
        var damaged = Fuzzer.Mutate(xml, random);
        using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
        {
            writer.Write(damaged);
        }
        return $"{name}:\n{damaged}";
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sarc.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Sarc.slnx not found above the test's folder");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
