using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sarc.Data;
using Sarc.Registry.Accounts;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Accounts;

/// <summary>The account contract on SQLite files, and what only a file path can get wrong.</summary>
public sealed class SqliteUserStoreTest : UserStoreContract, IDisposable
{
    private readonly List<string> _files = [];

    protected override string NewRegistry()
    {
        _files.Add(TemplateText.TempPath(".db"));
        RegistryStore.Open(_files[^1]).Dispose();
        return _files[^1];
    }

    protected override DbConnection Connect(string db)
    {
        var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return connection;
    }

    [Fact]
    public void Open_MissingFile_IsRefusedAndCreatesNothing()
    {
        var path = TemplateText.TempPath(".db");

        var e = Assert.Throws<DataInputException>(() => UserStore.Open(path, new CountingHashing()));

        Assert.Contains($"database '{path}' does not exist", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
