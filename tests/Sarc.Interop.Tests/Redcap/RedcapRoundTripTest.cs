using Sarc.Interop.Redcap;
using Sarc.Registry.Storage;
using Sarc.Registry.Tests.Storage;
using Sarc.Testing;

namespace Sarc.Interop.Tests.Redcap;

/// <summary>Sarc → REDCap → Sarc: the records of Sarc's REDCap project import back into the same registry.</summary>
public sealed class RedcapRoundTripTest : IDisposable
{
    private readonly TempFolder temp = TestRegistry.Temp();

    public void Dispose() => temp.Dispose();

    /// <summary>Exports <paramref name="original"/> as REDCap records, imports them with the committed dictionary into <paramref name="copy"/>.</summary>
    internal static MappedImportResult RoundTrip(string original, string copy, TempFolder temp)
    {
        using (var writer = File.CreateText(temp.File("records.csv")))
        {
            RedcapExporter.Write(TestRegistry.Load(original), writer);
        }
        return RedcapImporter.ImportFiles(() => RegistryStore.Open(copy), Fixture.PathOf("interop", "redcap", "sarc_data_dictionary.csv"),
            temp.File("records.csv"), mappingPath: null, update: false, TestRegistry.Tester, TestRegistry.AsOf);
    }

    [Fact]
    public void SarcToRedcapToSarc_GivesTheSameLongExport()
    {
        var original = TestRegistry.Synthetic(temp.Path, 60);

        var result = RoundTrip(original, temp.File("copy.db"), temp);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(60, result.Inserted);
        Assert.Equal(TestRegistry.LongText(original), TestRegistry.LongText(temp.File("copy.db")));
    }

    [Fact]
    public void Export_WritesOneRowPerRecordAndPerRepeatingInstance()
    {
        var original = TestRegistry.Synthetic(temp.Path, 10);
        var records = TestRegistry.Load(original);
        var writer = new StringWriter();

        RedcapExporter.Write(records, writer);

        var table = RedcapCsv.Read(writer.ToString(), "records.csv");
        Assert.Equal(SarcRedcapProject.Dictionary.RecordColumns(), table.Header);
        var expected = records.Sum(r => 1 + r.Surgeries.Count + r.Radiotherapy.Count + r.Systemic.Count + r.Events.Count + r.FollowUps.Count);
        Assert.Equal(expected, table.Rows.Count);
        var first = records.OrderBy(r => r.Id, StringComparer.Ordinal).First();
        var surgeries = table.Rows.Where(row => row[0] == first.Id && row[1] == "surgery").ToList();
        Assert.Equal(Enumerable.Range(1, first.Surgeries.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), surgeries.Select(r => r[2]));
        Assert.All(table.Rows.Where(row => row[1] == ""), row => Assert.Equal("2", row[table.IndexOf("patient_complete")]));
    }

    [Fact]
    public void Import_SarcsProjectWithoutMapping_RefusesAnotherProjectsDictionary()
    {
        File.WriteAllText(temp.File("dd.csv"), CenterProject.Dictionary);
        File.WriteAllText(temp.File("records.csv"), CenterProject.Records());

        var e = Assert.Throws<Sarc.Data.DataInputException>(() => RedcapImporter.ImportFiles(() => RegistryStore.Open(temp.File("x.db")),
            temp.File("dd.csv"), temp.File("records.csv"), null, false, TestRegistry.Tester, TestRegistry.AsOf));

        Assert.Contains("give --mapping for a center's own project", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("x.db")));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRedcapRoundTripTest(PostgresServer server) : IDisposable
{
    private readonly TempFolder temp = TestRegistry.Temp();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void SarcToRedcapToPostgres_GivesTheSameLongExport()
    {
        var original = TestRegistry.Synthetic(temp.Path, 30);
        var copy = server.CreateDatabase();

        var result = RedcapRoundTripTest.RoundTrip(original, copy, temp);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(TestRegistry.LongText(original), TestRegistry.LongText(copy));
        using var store = RegistryStore.OpenExisting(copy);
        Assert.All(store.ReadAudit(), a => Assert.Equal("records.csv (dictionary sarc_data_dictionary.csv)", a.SourceFile));
    }
}
