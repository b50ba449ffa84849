using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sarc.Registry.Tests.Storage;

/// <summary>
/// A real PostgreSQL server for the storage tests, started from the Debian binaries under
/// <c>/usr/lib/postgresql/*/bin</c> in a temporary directory on a free loopback port (unix socket in the same
/// directory), and stopped when the test collection ends. initdb refuses root, so as root the server runs as the
/// <c>postgres</c> OS user. Absent binaries fail the tests loudly: a storage suite that silently skips PostgreSQL
/// would hide the bugs it exists to catch.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string bin;
    private readonly string directory;
    private readonly bool asPostgresUser;
    private int databases;

    public PostgresServer()
    {
        bin = FindBinaries();
        asPostgresUser = Environment.UserName == "root";
        directory = Directory.CreateTempSubdirectory("sarc-pg-").FullName;
        if (asPostgresUser)
        {
            Run("chown", ["-R", "postgres", directory], asUser: false);
        }
        var data = Path.Combine(directory, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asPostgresUser);
        Port = FreePort();
        // fsync off: the test server's data is thrown away, and durability costs seconds per test run.
        var options = $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgresUser);
        ConnectionString = $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";
    }

    public int Port { get; }

    /// <summary>The maintenance database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>A new empty database for one test, so that tests cannot see each other's rows.</summary>
    public string CreateDatabase()
    {
        var name = $"t{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..20];
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name}";
        command.ExecuteNonQuery();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"], asPostgresUser);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return candidates.Count > 0
            ? candidates[0]
            : throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install the Debian 'postgresql' package "
                + "(scripts/install-test-dependencies does). The registry storage tests need a real server.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asUser)
    {
        var start = new ProcessStartInfo(asUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asUser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 120 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result} {stdout.Result}");
        }
    }
}
