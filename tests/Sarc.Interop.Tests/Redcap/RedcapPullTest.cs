using Sarc.Data;
using Sarc.Interop.Redcap;
using Sarc.Registry.Storage;

namespace Sarc.Interop.Tests.Redcap;

public sealed class RedcapPullTest : IDisposable
{
    private const string Token = "0123456789ABCDEF0123456789ABCDEF";
    private readonly TempFolder temp = TestRegistry.Temp();

    public void Dispose() => temp.Dispose();

    /// <summary>The center's dictionary as REDCap's API sends it: the same 18 columns under the API's names.</summary>
    private static string ApiMetadata()
    {
        var lines = CenterProject.Dictionary.Split('\n');
        lines[0] = string.Join(",", RedcapDictionary.ApiColumns);
        return string.Join("\n", lines);
    }

    private MappedImportResult Pull(FakeRedcapServer server, string token, string db)
    {
        File.WriteAllText(temp.File("map.yaml"), CenterProject.Mapping);
        using var http = new HttpClient();
        return RedcapImporter.Pull(() => RegistryStore.Open(db), new RedcapApiClient(http, server.Url, token), temp.File("map.yaml"),
            update: false, TestRegistry.Tester, TestRegistry.AsOf);
    }

    [Fact]
    public void Pull_FetchesMetadataAndFlatRecordsAsCsvAndImportsThemAsTheFilesWould()
    {
        using var server = FakeRedcapServer.Start(Token, ApiMetadata(), CenterProject.Records());
        var pulled = temp.File("pulled.db");

        var result = Pull(server, Token, pulled);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Inserted);
        Assert.Equal(
            [("metadata", "csv", null), ("record", "csv", "flat")],
            server.Requests.Select(r => (r["content"], r["format"], r.GetValueOrDefault("type"))));
        Assert.All(server.Requests, r => Assert.Equal(Token, r["token"]));
        Assert.Equal("raw", server.Requests[1]["rawOrLabel"]);
        File.WriteAllText(temp.File("dd.csv"), CenterProject.Dictionary);
        File.WriteAllText(temp.File("records.csv"), CenterProject.Records());
        var fromFiles = RedcapImporter.ImportFiles(() => RegistryStore.Open(temp.File("files.db")), temp.File("dd.csv"), temp.File("records.csv"),
            temp.File("map.yaml"), false, TestRegistry.Tester, TestRegistry.AsOf);
        Assert.True(fromFiles.Succeeded);
        Assert.Equal(TestRegistry.LongText(temp.File("files.db")), TestRegistry.LongText(pulled));
        using var store = RegistryStore.OpenExisting(pulled);
        Assert.All(store.ReadAudit(), a => Assert.Equal($"REDCap API {server.Url}", a.SourceFile));
    }

    [Fact]
    public void Pull_SarcsOwnProject_RoundTripsTheRegistry()
    {
        var original = TestRegistry.Synthetic(temp.Path, 25);
        var records = new StringWriter();
        RedcapExporter.Write(TestRegistry.Load(original), records);
        using var server = FakeRedcapServer.Start(Token, SarcRedcapProject.Dictionary.ToString(), records.ToString());
        using var http = new HttpClient();

        var result = RedcapImporter.Pull(() => RegistryStore.Open(temp.File("copy.db")), new RedcapApiClient(http, server.Url, Token), null,
            false, TestRegistry.Tester, TestRegistry.AsOf);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(TestRegistry.LongText(original), TestRegistry.LongText(temp.File("copy.db")));
    }

    [Fact]
    public void Pull_WrongToken_IsOneLineWithREDCapsMessageAndChangesNothing()
    {
        using var server = FakeRedcapServer.Start(Token, ApiMetadata(), CenterProject.Records());

        var e = Assert.Throws<DataInputException>(() => Pull(server, "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", temp.File("pulled.db")));

        Assert.Equal("--url: REDCap refused the data dictionary (403 Forbidden): You do not have permissions to use the API", e.Message);
        Assert.False(File.Exists(temp.File("pulled.db")));
    }

    [Theory]
    [InlineData("not a token\n")]
    [InlineData("0123456789ABCDEF\n")]
    public void ReadToken_NotAToken_IsOneLine(string text)
    {
        File.WriteAllText(temp.File("token"), text);

        var e = Assert.Throws<DataInputException>(() => RedcapApiClient.ReadToken(temp.File("token")));

        Assert.Equal($"--token-file: '{temp.File("token")}' does not hold a REDCap API token (32 hexadecimal characters)", e.Message);
    }

    [Fact]
    public void ReadToken_TrimsTheLineBreak()
    {
        File.WriteAllText(temp.File("token"), Token + "\n");

        Assert.Equal(Token, RedcapApiClient.ReadToken(temp.File("token")));
    }
}
