namespace Sarc.Studies.Kinds;

/// <summary>
/// The analysis kinds a study definition may name: the one place a kind is registered (adding a kind is one file plus
/// one line here). The parser checks parameters against <see cref="IAnalysisKind.Parameters"/>; the runner runs the kind.
/// </summary>
public static class AnalysisKindCatalog
{
    private static readonly IAnalysisKind[] Kinds =
    [
        new Table1Kind(), new TwoByTwoKind(), new CorrelateKind(), new KmKind(), new RatesKind(), new CoxKind(),
        new CifKind(), new FinegrayKind(), new MultistateKind(), new ModelKind(),
    ];

    private static readonly Dictionary<string, IAnalysisKind> ByName = Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>Every kind, in the order docs/studies.md lists them.</summary>
    public static IReadOnlyList<IAnalysisKind> All => Kinds;

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static IAnalysisKind? Find(string name) => ByName.GetValueOrDefault(name);
}
