namespace Sarc.Studies.Definitions;

/// <summary>
/// The analysis kinds a study may ask for and the parameters each takes. A parameter's role decides how the validator
/// checks it: a column name, a list of columns, an endpoint, a list of numbers, a formula, or one of fixed choices.
/// </summary>
public static class AnalysisKinds
{
    /// <summary>How a parameter is checked.</summary>
    public enum Role
    {
        Column, Columns, Endpoint, Numbers, Number, Formula, Choice, Text,
    }

    /// <summary>A parameter a kind accepts.</summary>
    public sealed record Spec(string Name, Role Role, bool Required, IReadOnlyList<string>? Choices = null);

    private static readonly Dictionary<string, Spec[]> Kinds = new(StringComparer.Ordinal)
    {
        ["table1"] = [new("group", Role.Column, true), new("variables", Role.Columns, true)],
        ["table2x2"] = [new("exposure", Role.Column, true), new("outcome", Role.Column, true), new("conf_level", Role.Number, false)],
        ["correlate"] = [new("x", Role.Column, true), new("y", Role.Columns, true), new("method", Role.Choice, false, ["spearman", "pearson"])],
        ["km"] = [new("endpoint", Role.Endpoint, true), new("group", Role.Column, false), new("at", Role.Numbers, false),
            new("conf_type", Role.Choice, false, ["log", "log-log", "plain"])],
        ["cox"] = [new("endpoint", Role.Endpoint, true), new("formula", Role.Formula, true), new("time_dependent", Role.Columns, false),
            new("cluster", Role.Column, false)],
        ["cif"] = [new("endpoint", Role.Endpoint, true), new("group", Role.Column, false), new("at", Role.Numbers, false)],
        ["finegray"] = [new("endpoint", Role.Endpoint, true), new("formula", Role.Formula, true), new("cause", Role.Number, false)],
        ["multistate"] = [new("formula", Role.Formula, false), new("at", Role.Numbers, false)],
        ["rates"] = [new("outcomes", Role.Columns, true), new("group", Role.Column, false), new("conf_level", Role.Number, false)],
    };

    /// <summary>Every kind, in the order docs/studies.md lists them.</summary>
    public static IReadOnlyCollection<string> All => Kinds.Keys;

    /// <summary>The parameters of <paramref name="kind"/>, or null for an unknown kind.</summary>
    public static IReadOnlyList<Spec>? Parameters(string kind) => Kinds.TryGetValue(kind, out var specs) ? specs : null;
}
