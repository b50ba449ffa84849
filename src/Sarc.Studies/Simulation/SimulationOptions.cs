namespace Sarc.Studies.Simulation;

/// <summary>
/// Settings of the demo registry simulator. The true effects default to the seeds' published ones: hazard ratios
/// LR→DM 8.4, LR→death 3.4, DM→death 12.6 and high grade (G2/G3) 3.8 for DM.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The default options: 1500 patients, seed 20251123.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>Number of patients (at least 50, so each sub-cohort has patients).</summary>
    public int Patients { get; init; } = 1500;

    /// <summary>Random seed: the same seed and options give the same registry, byte for byte.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>Hazard ratio of DM after a local recurrence (LR as a time-dependent covariate).</summary>
    public double LrToDmHazardRatio { get; init; } = 8.4;

    /// <summary>Hazard ratio of death after a local recurrence.</summary>
    public double LrToDeathHazardRatio { get; init; } = 3.4;

    /// <summary>Hazard ratio of death after a distant metastasis.</summary>
    public double DmToDeathHazardRatio { get; init; } = 12.6;

    /// <summary>Hazard ratio of DM for high grade (G2/G3) against G1.</summary>
    public double HighGradeDmHazardRatio { get; init; } = 3.8;

    /// <summary>The registry's data cut-off: follow-up ends here at the latest.</summary>
    public DateOnly DataCutoff { get; init; } = new(2025, 6, 30);
}
