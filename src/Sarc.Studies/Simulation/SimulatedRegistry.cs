namespace Sarc.Studies.Simulation;

/// <summary>The files of a simulated registry: the flat import template CSV and the supplement CSV (study fields the template has no column for).</summary>
public sealed record SimulatedRegistry(string TemplatePath, string SupplementPath, int Patients);
