namespace Sarc.Statistics.Hypothesis;

/// <summary>The names of <see cref="ComparisonTest"/> on the command line and in JSON output: defined once here.</summary>
public static class ComparisonTestNames
{
    private static readonly (ComparisonTest Test, string Name)[] Names =
    [
        (ComparisonTest.WelchT, "welch_t"),
        (ComparisonTest.StudentT, "t"),
        (ComparisonTest.Wilcoxon, "wilcoxon"),
        (ComparisonTest.KruskalWallis, "kruskal"),
        (ComparisonTest.ChiSquare, "chisq"),
        (ComparisonTest.Fisher, "fisher"),
    ];

    /// <summary>All names, in the order of the enum: "welch_t, t, wilcoxon, kruskal, chisq, fisher".</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The CLI/JSON name of <paramref name="test"/>.</summary>
    public static string Name(ComparisonTest test)
    {
        foreach (var (candidate, name) in Names)
        {
            if (candidate == test)
            {
                return name;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(test), test, "Unknown test.");
    }

    /// <summary>Parses a name (case-insensitive); false for anything else, so the caller can name the bad value.</summary>
    public static bool TryParse(string? text, out ComparisonTest test)
    {
        foreach (var (candidate, name) in Names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                test = candidate;
                return true;
            }
        }
        test = default;
        return false;
    }

    /// <summary>Whether <paramref name="test"/> applies to a variable of <paramref name="kind"/> compared across <paramref name="groups"/> groups.</summary>
    public static bool Applies(ComparisonTest test, VariableKind kind, int groups) => test switch
    {
        ComparisonTest.WelchT or ComparisonTest.StudentT or ComparisonTest.Wilcoxon => kind == VariableKind.Continuous && groups == 2,
        ComparisonTest.KruskalWallis => kind == VariableKind.Continuous,
        _ => kind == VariableKind.Categorical,
    };
}
