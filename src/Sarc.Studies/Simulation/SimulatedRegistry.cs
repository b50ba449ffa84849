namespace Sarc.Studies.Simulation;

/// <summary>A simulated registry: the long-format folder (six CSV files, docs/formats.md) that <c>sarc import</c> reads.</summary>
public sealed record SimulatedRegistry(string Folder, int Patients);
