using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sarc.Data;
using Sarc.Registry.Models;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Models;

/// <summary>The registered models' contract on SQLite files.</summary>
public sealed class SqliteModelStoreTest : ModelStoreContract, IDisposable
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

    protected override string FailAuditTrigger =>
        "CREATE TRIGGER no_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END;";

    [Fact]
    public void Open_MissingFile_IsRefusedAndCreatesNothing()
    {
        var path = TemplateText.TempPath(".db");

        var e = Assert.Throws<DataInputException>(() => ModelStore.Open(path));

        Assert.Contains($"database '{path}' does not exist", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in _files)
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
