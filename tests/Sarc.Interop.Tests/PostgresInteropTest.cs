using System.Text;
using Sarc.Interop.Fhir;
using Sarc.Interop.Pseudonymization;
using Sarc.Interop.Tests.Pseudonymization;
using Sarc.Registry;
using Sarc.Registry.Storage;
using Sarc.Registry.Tests.Storage;

namespace Sarc.Interop.Tests;

/// <summary>The pseudonymized export and the FHIR round trip on the real PostgreSQL server the tests start (the REDCap round trip has its own).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresInteropTest(PostgresServer server) : IDisposable
{
    private readonly TempFolder temp = TestRegistry.Temp();

    public void Dispose() => temp.Dispose();

    /// <summary>A new PostgreSQL registry holding <paramref name="patients"/> synthetic patients.</summary>
    private string Registry(int patients)
    {
        var db = server.CreateDatabase();
        var files = Sarc.Testing.SyntheticLongRegistry.WriteFolder(temp.File("synthetic"), patients);
        using var store = RegistryStore.Open(db);
        Assert.True(RegistryImporter.ImportFile(store, files, update: false, TestRegistry.Tester, TestRegistry.AsOf).Succeeded);
        return db;
    }

    [Fact]
    public void Pseudonymized_FromPostgresIntoPostgres_KeepsEveryEndpoint()
    {
        var key = new PseudonymKey(Encoding.ASCII.GetBytes("postgres pseudonym key for the sarc interop tests"));
        var original = TestRegistry.Load(Registry(120));
        Pseudonymizer.Apply(original, key, keepText: false).WriteFolder(temp.File("pseudo"));
        var copy = server.CreateDatabase();
        using var store = RegistryStore.Open(copy);

        var imported = RegistryImporter.ImportFile(store, temp.File("pseudo"), update: false, TestRegistry.Tester, TestRegistry.AsOf);

        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors.Take(5)));
        PseudonymizerTest.AssertSameEndpoints(original, store.LoadPatients(), key);
    }

    [Fact]
    public void Fhir_FromPostgresIntoPostgres_GivesTheSameLongExport()
    {
        var original = Registry(25);
        File.WriteAllText(temp.File("bundle.json"), FhirJson.Serialize(FhirExporter.Export(TestRegistry.Load(original))));
        var copy = server.CreateDatabase();

        var result = FhirImporter.ImportFile(() => RegistryStore.Open(copy), temp.File("bundle.json"), new FhirValidation(), false, TestRegistry.Tester, TestRegistry.AsOf);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(TestRegistry.LongText(original), TestRegistry.LongText(copy));
    }
}
