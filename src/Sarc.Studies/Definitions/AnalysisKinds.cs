namespace Sarc.Studies.Definitions;

/// <summary>
/// The analysis kinds a study may ask for and the parameters each takes. A parameter's role decides how the validator
/// checks it: a column name, a list of columns, an endpoint, a list of numbers, a formula, or one of fixed choices.
/// </summary>
public static class AnalysisKinds
{
    private static readonly Dictionary<string, ParameterSpec[]> Kinds = new(StringComparer.Ordinal)
    {
        ["table1"] = [new ParameterSpec("group", ParameterRole.Column, true), new ParameterSpec("variables", ParameterRole.Columns, true)],
        ["table2x2"] = [new ParameterSpec("exposure", ParameterRole.Column, true), new ParameterSpec("outcome", ParameterRole.Column, true), new ParameterSpec("conf_level", ParameterRole.Number, false)],
        ["correlate"] = [new ParameterSpec("x", ParameterRole.Column, true), new ParameterSpec("y", ParameterRole.Columns, true), new ParameterSpec("method", ParameterRole.Choice, false, ["spearman", "pearson"])],
        ["km"] = [new ParameterSpec("endpoint", ParameterRole.Endpoint, true), new ParameterSpec("group", ParameterRole.Column, false), new ParameterSpec("at", ParameterRole.Numbers, false),
            new ParameterSpec("conf_type", ParameterRole.Choice, false, ["log", "log-log", "plain"])],
        ["cox"] = [new ParameterSpec("endpoint", ParameterRole.Endpoint, true), new ParameterSpec("formula", ParameterRole.Formula, true), new ParameterSpec("time_dependent", ParameterRole.Columns, false),
            new ParameterSpec("cluster", ParameterRole.Column, false)],
        ["cif"] = [new ParameterSpec("endpoint", ParameterRole.Endpoint, true), new ParameterSpec("group", ParameterRole.Column, false), new ParameterSpec("at", ParameterRole.Numbers, false)],
        ["finegray"] = [new ParameterSpec("endpoint", ParameterRole.Endpoint, true), new ParameterSpec("formula", ParameterRole.Formula, true), new ParameterSpec("cause", ParameterRole.Number, false)],
        ["multistate"] = [new ParameterSpec("formula", ParameterRole.Formula, false), new ParameterSpec("group", ParameterRole.Column, false), new ParameterSpec("at", ParameterRole.Numbers, false)],
        ["rates"] = [new ParameterSpec("outcomes", ParameterRole.Columns, true), new ParameterSpec("group", ParameterRole.Column, false), new ParameterSpec("conf_level", ParameterRole.Number, false)],
    };

    /// <summary>Every kind, in the order docs/studies.md lists them.</summary>
    public static IReadOnlyCollection<string> All => Kinds.Keys;

    /// <summary>The parameters of <paramref name="kind"/>, or null for an unknown kind.</summary>
    public static IReadOnlyList<ParameterSpec>? Parameters(string kind) => Kinds.TryGetValue(kind, out var specs) ? specs : null;
}
