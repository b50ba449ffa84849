using System.Text.Json;

namespace Sarc.Testing;

/// <summary>Reads the reference values that the R scripts in validation/ wrote, and finds files in the repository.</summary>
public static class Fixture
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder that holds Sarc.slnx).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>A path below the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>Parses <c>validation/reference/NAME.json</c>.</summary>
    public static JsonElement Reference(string name)
    {
        var path = PathOf("validation", "reference", name + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>A JSON number as a double; null (R's NA), "NaN", "Inf" and "-Inf" as R would mean them.</summary>
    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => element.GetString() switch
        {
            "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.NaN,
        },
        _ => throw new InvalidOperationException($"Expected a number in the fixture, found {element.ValueKind}."),
    };

    /// <summary>A JSON array of numbers as doubles (null → NaN). A scalar counts as an array of one (jsonlite's auto_unbox).</summary>
    public static double[] Numbers(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(Number).ToArray()
        : [Number(element)];

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sarc.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Sarc.slnx not found above the test binaries.");
    }
}
