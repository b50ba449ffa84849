using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Storage;

/// <summary>The store contract on an SQLite file.</summary>
public sealed class SqliteRegistryStoreTest : RegistryStoreContract, IDisposable
{
    private readonly List<string> files = [];

    protected override IRegistryStore OpenNew()
    {
        files.Add(TemplateText.TempPath(".db"));
        return RegistryStore.Open(files[^1]);
    }

    protected override IRegistryStore Reopen() => RegistryStore.Open(files[^1]);

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
}
