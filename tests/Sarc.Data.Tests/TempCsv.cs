namespace Sarc.Data.Tests;

/// <summary>A CSV file written for one test and deleted after it.</summary>
public sealed class TempCsv : IDisposable
{
    public TempCsv(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sarc-test-{Guid.NewGuid():N}.csv");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
