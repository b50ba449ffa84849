using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Domain;
using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;
using Sarc.Testing;

namespace Sarc.Interop.Tests;

/// <summary>Registries for the interoperability tests: the synthetic long registry imported into SQLite, and long exports as text.</summary>
internal static class TestRegistry
{
    /// <summary>"Today" late enough that dates shifted forward by up to 180 days are not in the future.</summary>
    public static readonly DateOnly AsOf = new(2100, 1, 1);

    public static readonly AuditContext Tester = new("tester", new FixedClock());

    /// <summary>A folder that is deleted when disposed.</summary>
    public static TempFolder Temp() => new(Directory.CreateTempSubdirectory("sarc-interop-").FullName);

    /// <summary>A new SQLite registry in <paramref name="folder"/> holding <paramref name="patients"/> synthetic patients.</summary>
    public static string Synthetic(string folder, int patients, int seed = 20261123)
    {
        var files = SyntheticLongRegistry.WriteFolder(Path.Combine(folder, "synthetic"), patients, seed);
        var db = Path.Combine(folder, "original.db");
        using var store = RegistryStore.Open(db);
        var result = RegistryImporter.ImportFile(store, files, update: false, Tester, AsOf);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return db;
    }

    public static IReadOnlyList<PatientRecord> Load(string db)
    {
        using var store = RegistryStore.OpenExisting(db);
        return store.LoadPatients();
    }

    /// <summary>The six long-format files of <paramref name="records"/> as text, in export order.</summary>
    public static string[] LongText(IReadOnlyList<PatientRecord> records) =>
        [.. LongFiles.All.Select(f =>
        {
            var writer = new StringWriter();
            LongFormatWriter.WriteCsv(records, f, writer);
            return writer.ToString();
        })];

    /// <summary>The long export of the registry <paramref name="db"/>.</summary>
    public static string[] LongText(string db) => LongText(Load(db));
}

/// <summary>A temporary folder removed on dispose.</summary>
internal sealed record TempFolder(string Path) : IDisposable
{
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock() : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
}
