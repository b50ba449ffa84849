namespace Sarc.Studies.Definitions;

/// <summary>
/// A derived 0/1 column, e.g. <c>necrosis_high: "necrosis_pct >= 75"</c>: 1 where <see cref="Source"/>
/// <see cref="Operator"/> <see cref="Threshold"/> holds, 0 where it does not, missing where the source is missing.
/// </summary>
public sealed record Derivation(string Name, string Source, string Operator, double Threshold, int Line);
