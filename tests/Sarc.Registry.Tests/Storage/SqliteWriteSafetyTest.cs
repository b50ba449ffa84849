using Microsoft.Data.Sqlite;

namespace Sarc.Registry.Tests.Storage;

/// <summary>The write-safety contract on SQLite files (WAL, several connections as several programs).</summary>
public sealed class SqliteWriteSafetyTest : WriteSafetyContract, IDisposable
{
    private readonly List<string> files = [];

    protected override string NewDatabase()
    {
        files.Add(TemplateText.TempPath(".db"));
        return files[^1];
    }

    protected override void Tamper(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            foreach (var suffix in (string[])["", "-wal", "-shm"])
            {
                File.Delete(file + suffix);
            }
        }
    }
}
