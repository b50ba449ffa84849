namespace Sarc.Studies.Simulation;

/// <summary>
/// Settings of the demo registry simulator: the size, seed and data cut-off, and the true effects of each seed study
/// in one place (<see cref="Seed000"/> ... <see cref="Seed004"/>), so that tuning the simulation to a paper means
/// changing the numbers of that paper's record. The hazard ratios default to the seeds' published ones: LR→DM 8.4,
/// LR→death 3.4, DM→death 12.6 and high grade (G2/G3) 3.8 for DM. docs/studies.md describes the model.
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The default options: 1500 patients, seed 20251123.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>Number of patients (at least 50, so each sub-cohort has patients).</summary>
    public int Patients { get; init; } = 1500;

    /// <summary>Random seed: the same seed and options give the same registry, byte for byte.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>The registry's data cut-off: follow-up ends here at the latest.</summary>
    public DateOnly DataCutoff { get; init; } = new(2025, 6, 30);

    /// <summary>Monthly rate of loss to follow-up; a patient lost this way has a last follow-up contact with status <c>lost</c>.</summary>
    public double LossToFollowUpRate { get; init; } = 0.004;

    /// <summary>Seed 000: necrosis after neoadjuvant RT.</summary>
    public NecrosisEffects Seed000 { get; init; } = new();

    /// <summary>Seed 001: hypofractionated RT in patients metastatic at diagnosis.</summary>
    public MetastaticRtEffects Seed001 { get; init; } = new();

    /// <summary>Seed 002: pulmonary metastasectomy.</summary>
    public MetastasectomyEffects Seed002 { get; init; } = new();

    /// <summary>Seed 003: LR, DM and death as a multistate process.</summary>
    public MultistateEffects Seed003 { get; init; } = new();

    /// <summary>Seed 004: retroperitoneal sarcoma after first relapse.</summary>
    public RetroperitonealEffects Seed004 { get; init; } = new();

    /// <summary>Hazard ratio of DM after a local recurrence (LR as a time-dependent covariate).</summary>
    public double LrToDmHazardRatio => Seed003.LrToDmHazardRatio;

    /// <summary>Hazard ratio of death after a local recurrence.</summary>
    public double LrToDeathHazardRatio => Seed003.LrToDeathHazardRatio;

    /// <summary>Hazard ratio of death after a distant metastasis.</summary>
    public double DmToDeathHazardRatio => Seed003.DmToDeathHazardRatio;

    /// <summary>Hazard ratio of DM for high grade (G2/G3) against G1.</summary>
    public double HighGradeDmHazardRatio => Seed003.HighGradeDmHazardRatio;

    /// <summary>Seed 000: neoadjuvant RT with pathologic necrosis; smokers have more necrosis, high necrosis more DM.</summary>
    public sealed record NecrosisEffects
    {
        /// <summary>Mean necrosis % of never-smokers and of former/current smokers (SD 28).</summary>
        public double MeanNecrosisNever { get; init; } = 58;

        public double MeanNecrosisSmoker { get; init; } = 78;

        /// <summary>Hazard ratio of DM for necrosis ≥ 75%.</summary>
        public double HighNecrosisDmHazardRatio { get; init; } = 1.8;

        /// <summary>Probability of a major wound complication after neoadjuvant (adjuvant) RT.</summary>
        public double WoundComplicationNeoadjuvant { get; init; } = 0.22;

        public double WoundComplicationAdjuvant { get; init; } = 0.12;
    }

    /// <summary>Seed 001: 40.05 Gy / 15 fx to the primary of patients metastatic at diagnosis.</summary>
    public sealed record MetastaticRtEffects
    {
        /// <summary>Share of high-grade extremity/trunk patients metastatic at diagnosis.</summary>
        public double MetastaticShare { get; init; } = 0.1;

        /// <summary>Monthly rate of progression (a new distant metastasis) after surgery.</summary>
        public double ProgressionRate { get; init; } = 0.045;

        /// <summary>Share given palliative systemic therapy.</summary>
        public double SystemicShare { get; init; } = 0.74;
    }

    /// <summary>Seed 002: metastasectomy of lung metastases in LMS, SyS and UPS.</summary>
    public sealed record MetastasectomyEffects
    {
        /// <summary>Share of distant metastases (LMS, SyS, UPS) resected.</summary>
        public double ResectedShare { get; init; } = 0.35;

        /// <summary>Death hazard multiplier after a metastasectomy of lesions ≤ 2 cm and &gt; 2 cm.</summary>
        public double DeathMultiplierSmall { get; init; } = 0.3;

        public double DeathMultiplierLarge { get; init; } = 0.9;

        /// <summary>Share with perioperative systemic therapy.</summary>
        public double PerioperativeSystemicShare { get; init; } = 0.5;

        /// <summary>Monthly rate of a new metastasis after the metastasectomy (the paper's median DFS is 7.4 months), × <see cref="RecurrenceHazardRatioLarge"/> for lesions &gt; 2 cm.</summary>
        public double RecurrenceRate { get; init; } = 0.07;

        public double RecurrenceHazardRatioLarge { get; init; } = 2.3;

        /// <summary>Death hazard multiplier when the metastasis came more than 12 months after the primary surgery (the paper's HR for TFI &gt; 12 months).</summary>
        public double LongTfiDeathMultiplier { get; init; } = 0.42;
    }

    /// <summary>Seed 003: the multistate model's hazard ratios.</summary>
    public sealed record MultistateEffects
    {
        public double LrToDmHazardRatio { get; init; } = 8.4;

        public double LrToDeathHazardRatio { get; init; } = 3.4;

        public double DmToDeathHazardRatio { get; init; } = 12.6;

        public double HighGradeDmHazardRatio { get; init; } = 3.8;

        /// <summary>Monthly rate of a second local recurrence after the first.</summary>
        public double SecondLrRate { get; init; } = 0.01;
    }

    /// <summary>Seed 004: retroperitoneal relapses, their resection and synchronous LR + DM.</summary>
    public sealed record RetroperitonealEffects
    {
        /// <summary>Share of retroperitoneal local recurrences resected; death multiplier if resected or not.</summary>
        public double ResectedShare { get; init; } = 0.55;

        public double DeathMultiplierResected { get; init; } = 0.6;

        public double DeathMultiplierNotResected { get; init; } = 1.3;

        /// <summary>Share of retroperitoneal LRs with a synchronous DM (the "both" relapse type).</summary>
        public double SynchronousDmShare { get; init; } = 0.1;
    }
}
