namespace Sarc.Cli.Tests;

/// <summary>A file written for one test and deleted after it.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(string content, string extension = ".csv")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sarc-cli-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
