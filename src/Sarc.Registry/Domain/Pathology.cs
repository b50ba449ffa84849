namespace Sarc.Registry.Domain;

/// <summary>Findings on the resection specimen: <paramref name="NecrosisPct"/> percent necrosis, 0 to 100.</summary>
public sealed record Pathology(double? NecrosisPct);
