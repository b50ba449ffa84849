using Sarc.Data;

namespace Sarc.Registry.Endpoints;

/// <summary>The command-line names of the endpoints, both ways.</summary>
public static class EndpointNames
{
    private static readonly string[] Names = ["os", "dfs", "lrfs", "dmfs", "lr-cr", "post-relapse-os", "multistate"];

    /// <summary>All names, in <see cref="EndpointKind"/> order.</summary>
    public static IReadOnlyList<string> All => Names;

    public static string NameOf(EndpointKind kind) => Names[(int)kind];

    /// <exception cref="DataInputException">Not an endpoint name; the message lists the valid ones.</exception>
    public static EndpointKind Parse(string name)
    {
        var index = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        return index >= 0
            ? (EndpointKind)index
            : throw new DataInputException($"unknown endpoint '{name}'; the endpoints are: {string.Join(", ", Names)}");
    }
}
