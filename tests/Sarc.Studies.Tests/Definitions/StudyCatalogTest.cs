using Sarc.Data;
using Sarc.Studies.Definitions;
using Sarc.Testing;

namespace Sarc.Studies.Tests.Definitions;

public sealed class StudyCatalogTest : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sarc-catalog-" + Guid.NewGuid().ToString("N"));

    public StudyCatalogTest() => Directory.CreateDirectory(_folder);

    [Fact]
    public void BuiltIn_ListsEverySeedFileInSeedOrder()
    {
        var files = Directory.GetFiles(Fixture.PathOf("studies"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        var ids = StudyCatalog.BuiltIn.Studies.Select(s => s.Id).ToArray();

        Assert.Equal(files, ids.Order(StringComparer.Ordinal));
        // Seed order (000 necrosis ... 004 RPS), not file-name order.
        Assert.Equal("necrosis-outcomes", ids[0]);
        Assert.Equal("lr-dm-multistate", ids[3]);
    }

    [Fact]
    public void BuiltIn_EqualsTheCheckedInDefinitions()
    {
        var fromFile = StudyParser.ParseFile(Fixture.PathOf("studies", "lr-dm-multistate.yaml")).Study!;

        var builtIn = StudyCatalog.BuiltIn.Find("lr-dm-multistate")!;

        Assert.Equal(fromFile.Title, builtIn.Title);
        Assert.Equal(fromFile.Analyses.Select(a => a.Id), builtIn.Analyses.Select(a => a.Id));
    }

    [Fact]
    public void Find_UnknownId_IsNull() => Assert.Null(StudyCatalog.BuiltIn.Find("LR-DM-MULTISTATE"));

    [Fact]
    public void WithDirectory_AddsTheFolderStudiesAfterTheBuiltInOnes()
    {
        File.WriteAllText(Path.Combine(_folder, "b.yml"), Definition("zeta"));
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), Definition("alpha"));
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a study");

        var catalog = StudyCatalog.WithDirectory(_folder);

        Assert.Equal(StudyCatalog.BuiltIn.Studies.Count + 2, catalog.Studies.Count);
        Assert.Equal(["alpha", "zeta"], catalog.Studies.Skip(StudyCatalog.BuiltIn.Studies.Count).Select(s => s.Id));
        Assert.NotNull(catalog.Find("necrosis-outcomes"));
    }

    [Fact]
    public void WithDirectory_InvalidDefinition_NamesFileAndLine()
    {
        var path = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(path, Definition("bad").Replace("kind: km", "kind: kaplan", StringComparison.Ordinal));

        var error = Assert.Throws<DataInputException>(() => StudyCatalog.WithDirectory(_folder));

        Assert.StartsWith(path + ":6:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDirectory_IdOfABuiltInStudy_IsRefused()
    {
        File.WriteAllText(Path.Combine(_folder, "mine.yaml"), Definition("lr-dm-multistate"));

        var error = Assert.Throws<DataInputException>(() => StudyCatalog.WithDirectory(_folder));

        Assert.Contains("'lr-dm-multistate' is already taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithDirectory_MissingFolder_IsAUserError() =>
        Assert.Throws<DataInputException>(() => StudyCatalog.WithDirectory(Path.Combine(_folder, "absent")));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Definition(string id) => $"""
        id: {id}
        title: Overall survival of everyone
        analyses:
          - id: os
            title: Overall survival
            kind: km
            endpoint: os

        """;
}
