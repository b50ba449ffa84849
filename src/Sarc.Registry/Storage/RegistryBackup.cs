using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sarc.Data;

namespace Sarc.Registry.Storage;

/// <summary>
/// Backups of a whole registry and their restore: for SQLite a consistent copy made with SQLite's online backup API
/// (writers may go on meanwhile), for PostgreSQL <c>pg_dump</c>'s custom format and <c>pg_restore</c> (both must be on
/// PATH). A backup is written to a temporary file beside the target and renamed when complete, so a failed backup
/// leaves nothing half-written; a restore refuses to replace a registry that has patients or audit records unless
/// forced, and the restored registry's audit chain is verified.
/// </summary>
public static class RegistryBackup
{
    /// <summary>Writes a backup of the registry <paramref name="db"/> to <paramref name="path"/> (which must not exist).</summary>
    /// <exception cref="DataInputException">The registry cannot be opened, the file exists or cannot be written, or pg_dump is missing or fails.</exception>
    public static BackupSummary Backup(string db, string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new DataInputException($"--out: '{path}' exists; give a new file name");
        }
        BackupSummary summary;
        using (var store = RegistryStore.OpenExisting(db))
        {
            summary = new BackupSummary(store.CountPatients(), store.VerifyAudit());
        }
        var partial = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            if (RegistryStore.IsPostgres(db))
            {
                RunPg("pg_dump", [.. PgArguments(db), "--format=custom", "--no-owner", "--file", partial], db);
            }
            else
            {
                CopySqlite(db, partial);
            }
            File.Move(partial, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new DataInputException($"{path}: the backup cannot be written: {DataInputException.OneLine(e.Message)}");
        }
        finally
        {
            File.Delete(partial);
        }
        return summary;
    }

    /// <summary>
    /// Replaces the registry <paramref name="db"/> with the backup <paramref name="path"/>; a registry with patients or
    /// audit records is replaced only when <paramref name="force"/>. Migrations newer than the backup are applied.
    /// </summary>
    /// <exception cref="DataInputException">The backup is missing or of the other store's kind, the registry is not empty, pg_restore is missing or fails, or the restored audit chain does not verify.</exception>
    public static BackupSummary Restore(string path, string db, bool force)
    {
        if (!File.Exists(path))
        {
            throw new DataInputException($"--from: '{path}' does not exist");
        }
        var postgres = RegistryStore.IsPostgres(db);
        var magic = new byte[16];
        using (var file = File.OpenRead(path))
        {
            file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }
        var isSqlite = System.Text.Encoding.ASCII.GetString(magic) == "SQLite format 3\0";
        var isDump = System.Text.Encoding.ASCII.GetString(magic, 0, 5) == "PGDMP";
        if (postgres ? !isDump : !isSqlite)
        {
            throw new DataInputException($"--from: '{path}' is not a backup of a {(postgres ? "PostgreSQL" : "SQLite")} registry (sarc backup writes {(postgres ? "pg_dump's custom format" : "a SQLite file")})");
        }
        {
            using var store = RegistryStore.Open(db);
            var (patients, audit) = (store.CountPatients(), store.LastAuditId());
            if ((patients > 0 || audit > 0) && !force)
            {
                throw new DataInputException($"{store.Description} is not empty ({patients} patients, {audit} audit records): give --force to replace it with the backup");
            }
        }
        try
        {
            if (postgres)
            {
                RunPg("pg_restore", [.. PgArguments(db), "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", path], db);
            }
            else
            {
                CopySqlite(path, db);
            }
        }
        catch (SqliteException e)
        {
            throw new DataInputException($"{db}: the backup cannot be restored: {DataInputException.OneLine(e.Message)}");
        }
        using (var store = RegistryStore.Open(db))
        {
            var summary = new BackupSummary(store.CountPatients(), store.VerifyAudit());
            if (!summary.Audit.IsIntact)
            {
                throw new DataInputException($"{store.Description}: restored, but its audit trail does not verify: {summary.Audit.Problem}");
            }
            return summary;
        }
    }

    /// <summary>Copies the SQLite database <paramref name="from"/> over <paramref name="to"/> with SQLite's online backup API (page by page, consistent, under the target's lock).</summary>
    private static void CopySqlite(string from, string to)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString());
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>libpq arguments for the PostgreSQL <c>--db</c> value.</summary>
    private static List<string> PgArguments(string db)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(db) : db);
        var arguments = new List<string> { "--host", builder.Host ?? "localhost", "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-password" };
        if (builder.Username is { } user)
        {
            arguments.AddRange(["--username", user]);
        }
        arguments.AddRange(["--dbname", builder.Database ?? builder.Username ?? "postgres"]);
        return arguments;
    }

    private static void RunPg(string program, IReadOnlyList<string> arguments, string db)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        var password = new NpgsqlConnectionStringBuilder(db.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(db) : db).Password;
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DataInputException($"{program} is not on PATH: PostgreSQL backups need the PostgreSQL client programs (Debian: apt install postgresql-client)");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var first = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit {process.ExitCode}";
                throw new DataInputException($"{program} failed: {first}");
            }
        }
    }
}
