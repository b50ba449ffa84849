using Sarc.Registry.Audit;
using Sarc.Registry.Storage;
using Sarc.Registry.Template;
using Sarc.Testing;

namespace Sarc.Registry.Tests;

public sealed class RegistryImporterTest : IDisposable
{
    private readonly List<string> files = [];
    private readonly AuditContext audit = new("carol", new FixedClock());

    [Fact]
    public void ImportFile_AnyInvalidRow_ChangesNothingAndListsEveryProblem()
    {
        using var store = NewStore();
        var csv = new TemplateText().Add("P1").Add("P2", ("grade", "G3")).Add("P3").Add("P4", ("bmi", "200")).Csv();

        var result = RegistryImporter.ImportFile(store, Temp(csv), update: false, audit);

        Assert.Equal(["line 3: grade: 'G3' is not one of 1 | 2 | 3 | X", "line 5: bmi: 200 is out of range (must be between 10 and 80)"],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(0, store.CountPatients());
        Assert.Empty(store.ReadAudit());
    }

    [Fact]
    public void ImportFile_Valid_AuditsTheFileNameAndItsSha256()
    {
        using var store = NewStore();
        var csv = new TemplateText().Add("P1").Csv();
        var path = Temp(csv);

        var result = RegistryImporter.ImportFile(store, path, update: false, audit);

        Assert.True(result.Succeeded);
        var entry = Assert.Single(store.ReadAudit());
        Assert.Equal(Path.GetFileName(path), entry.SourceFile);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(expected, entry.SourceSha256);
    }

    [Fact]
    public void ExportXlsx_ImportIntoNewRegistry_GivesTheSameCsvExport()
    {
        var parsed = TemplateText.Parse(SyntheticRegistryFile.Create(150));
        using var first = NewStore();
        first.Import(parsed.Rows, false, audit, null);
        var xlsx = Track(TemplateText.TempPath(".xlsx"));
        TemplateWriter.WriteFile(first.LoadPatients(), xlsx);

        using var second = NewStore();
        var result = RegistryImporter.ImportFile(second, xlsx, update: false, audit);

        Assert.Empty(result.Errors);
        Assert.Equal(Csv(first), Csv(second));
    }

    [Fact]
    public void ImportXlsx_WithNumericAndDateCells_ReadsThemInTemplateForm()
    {
        // Centers' spreadsheets hold real numbers and dates, not text; the reader must turn them into template text.
        var path = Track(TemplateText.TempPath(".xlsx"));
        var row = TemplateText.ValidRow("P1").ToDictionary(kv => kv.Key, kv => (object?)(kv.Value.Length == 0 ? null : kv.Value));
        row["size_cm"] = 7.25;
        row["charlson"] = 3;
        row["birth_date"] = new DateTime(1960, 5, 1);
        row["surgery_date"] = new DateTime(2015, 4, 1);
        MiniExcelLibs.MiniExcel.SaveAs(path, new[] { row });

        var parsed = TemplateParser.ParseFile(path);

        Assert.Empty(parsed.Errors);
        var record = Assert.Single(parsed.Rows).Record;
        Assert.Equal(7.25, record.Tumor.SizeCm);
        Assert.Equal(3, record.Comorbidity!.Charlson);
        Assert.Equal(new DateOnly(1960, 5, 1), record.Patient.BirthDate);
        Assert.Equal(new DateOnly(2015, 4, 1), record.PrimarySurgery.Date);
    }

    [Fact]
    public void ImportFile_RowOrderOfTheFile_DoesNotChangeTheExport()
    {
        var text = SyntheticRegistryFile.Create(60);
        var lines = text.TrimEnd('\n').Split('\n');
        var shuffled = string.Join('\n', [lines[0], .. lines.Skip(1).Reverse()]) + "\n";
        using var a = NewStore();
        using var b = NewStore();

        RegistryImporter.ImportFile(a, Temp(text), false, audit);
        RegistryImporter.ImportFile(b, Temp(shuffled), false, audit);

        Assert.Equal(Csv(a), Csv(b));
        Assert.Equal(text, Csv(a));
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private IRegistryStore NewStore() => RegistryStore.Open(Track(TemplateText.TempPath(".db")));

    private string Temp(string csv) => Track(TemplateText.WriteTemp(csv));

    private string Track(string path)
    {
        files.Add(path);
        return path;
    }

    private static string Csv(IRegistryStore store)
    {
        var writer = new StringWriter();
        TemplateWriter.WriteCsv(store.LoadPatients(), writer);
        return writer.ToString();
    }
}
