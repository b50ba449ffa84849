namespace Sarc.Studies.Simulation;

/// <summary>
/// Settings of the demo registry simulator: the size, seed and data cut-off, and each seed study's cohort and true
/// effects in one record (<see cref="Seed000"/> ... <see cref="Seed004"/>), so that tuning the simulation to a paper
/// means changing the numbers of that paper's record. The truths are the papers' reported values (docs/studies.md).
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>The default options: 2500 patients, seed 20251123.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>The registry size at which every seed cohort has its paper's size.</summary>
    public const int PaperScalePatients = 2500;

    /// <summary>Number of patients (at least 50).</summary>
    public int Patients { get; init; } = PaperScalePatients;

    /// <summary>Random seed: the same seed and options give the same registry, byte for byte.</summary>
    public int Seed { get; init; } = 20251123;

    /// <summary>The registry's data cut-off: follow-up ends here at the latest.</summary>
    public DateOnly DataCutoff { get; init; } = new(2025, 6, 30);

    /// <summary>Monthly rate of loss to follow-up; a patient lost this way has a last follow-up contact with status <c>lost</c>.</summary>
    public double LossToFollowUpRate { get; init; } = 0.003;

    /// <summary>Seed 000: necrosis after neoadjuvant RT.</summary>
    public NecrosisEffects Seed000 { get; init; } = new();

    /// <summary>Seed 001: hypofractionated RT in patients metastatic at diagnosis.</summary>
    public MetastaticRtEffects Seed001 { get; init; } = new();

    /// <summary>Seed 002: pulmonary metastasectomy.</summary>
    public MetastasectomyEffects Seed002 { get; init; } = new();

    /// <summary>Seed 003: LR, DM and death as a multistate process (the general cohort).</summary>
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

    /// <summary>
    /// The size of a seed cohort in a registry of <see cref="Patients"/>: the paper's size at
    /// <see cref="PaperScalePatients"/>, in proportion otherwise, and never fewer than 8 (or the paper's size if smaller).
    /// </summary>
    public int CohortSize(int paperSize) =>
        Math.Max((int)Math.Round(paperSize * (double)Patients / PaperScalePatients), Math.Min(paperSize, 8));

    /// <summary>
    /// Seed 000: 64 patients resected after neoadjuvant RT in 2020–2023 (the only ones whose necrosis % is recorded),
    /// 32 with necrosis ≥ 75%; smoking and outcome proportions as published.
    /// </summary>
    public sealed record NecrosisEffects
    {
        /// <summary>Cohort size at paper scale (<see cref="PaperScalePatients"/>).</summary>
        public int Patients { get; init; } = 64;

        /// <summary>Share of former/current smokers with high (≥ 75%) and minimal necrosis.</summary>
        public double SmokerShareHigh { get; init; } = 0.469;

        /// <summary>Share of former/current smokers with minimal necrosis (see <see cref="SmokerShareHigh"/>).</summary>
        public double SmokerShareLow { get; init; } = 0.219;

        /// <summary>Monthly LR rate with high and minimal necrosis (12.5% and 25% LR over the follow-up).</summary>
        public double LrRateHigh { get; init; } = 0.0062;

        /// <summary>Monthly LR rate with minimal necrosis (see <see cref="LrRateHigh"/>).</summary>
        public double LrRateLow { get; init; } = 0.0095;

        /// <summary>
        /// Hazard ratios of DM and of death for high necrosis: over the cohort's follow-up they give about the paper's odds
        /// ratios of DM (2.65) and death (2.33), the "paradoxical" worse outcome with high necrosis.
        /// </summary>
        public double HighNecrosisDmHazardRatio { get; init; } = 3.2;

        /// <summary>Hazard ratio of death for high necrosis (see <see cref="HighNecrosisDmHazardRatio"/>).</summary>
        public double HighNecrosisDeathHazardRatio { get; init; } = 1.5;

        /// <summary>Probability of a major wound complication after neoadjuvant (adjuvant) RT, in every cohort.</summary>
        public double WoundComplicationNeoadjuvant { get; init; } = 0.22;

        /// <summary>Probability of a major wound complication after adjuvant RT (see <see cref="WoundComplicationNeoadjuvant"/>).</summary>
        public double WoundComplicationAdjuvant { get; init; } = 0.12;
    }

    /// <summary>Seed 001: 19 patients metastatic at diagnosis treated with 40.05 Gy / 15 fx and surgery in 2018–2023.</summary>
    public sealed record MetastaticRtEffects
    {
        /// <summary>Cohort size at paper scale (<see cref="PaperScalePatients"/>).</summary>
        public int Patients { get; init; } = 19;

        /// <summary>Median primary size (cm) and the SD of its logarithm (IQR 4.4–12.7 cm).</summary>
        public double MedianSizeCm { get; init; } = 7.6;

        /// <summary>SD of the log primary size (see <see cref="MedianSizeCm"/>).</summary>
        public double LogSizeSd { get; init; } = 0.79;

        /// <summary>Monthly rates after surgery: death (2-year OS 65%), LR (2-year LRFS 92%), progression (with LR and death, 2-year PFS 29%).</summary>
        public double DeathRate { get; init; } = 0.018;

        /// <summary>Monthly LR rate after surgery (see <see cref="DeathRate"/>).</summary>
        public double LrRate { get; init; } = 0.0035;

        /// <summary>Monthly progression rate after surgery (see <see cref="DeathRate"/>).</summary>
        public double ProgressionRate { get; init; } = 0.030;

        /// <summary>Monthly rate of the next systemic line after surgery (with death, median systemic therapy-free survival 15 months).</summary>
        public double NextLineRate { get; init; } = 0.028;

        /// <summary>Shares with systemic therapy before CMT (10 of 19) and planned adjuvant after it (4 of 19).</summary>
        public double SystemicBeforeShare { get; init; } = 10 / 19.0;

        /// <summary>Share with planned adjuvant systemic therapy after CMT (see <see cref="SystemicBeforeShare"/>).</summary>
        public double SystemicAfterShare { get; init; } = 4 / 19.0;

        /// <summary>Wound complications within 120 days (16%) and late RT toxicity, all grade 1–2 (26%).</summary>
        public double WoundComplicationShare { get; init; } = 0.16;

        /// <summary>Share with late RT toxicity, all grade 1–2 (see <see cref="WoundComplicationShare"/>).</summary>
        public double LateToxicityShare { get; init; } = 0.26;
    }

    /// <summary>Seed 002: 77 first complete pulmonary metastasectomies in LMS, SyS and UPS, 2009–2021.</summary>
    public sealed record MetastasectomyEffects
    {
        /// <summary>Cohort size at paper scale (<see cref="PaperScalePatients"/>).</summary>
        public int Patients { get; init; } = 77;

        /// <summary>Share with a largest lesion &gt; 2 cm, and with a treatment-free interval &gt; 12 months.</summary>
        public double LargeLesionShare { get; init; } = 0.3;

        /// <summary>Share with a treatment-free interval &gt; 12 months (see <see cref="LargeLesionShare"/>).</summary>
        public double LongTfiShare { get; init; } = 0.6;

        /// <summary>Share with perioperative systemic therapy, and with Clavien-Dindo ≥ IIIa (2%).</summary>
        public double PerioperativeSystemicShare { get; init; } = 0.35;

        /// <summary>Share with Clavien-Dindo ≥ IIIa (see <see cref="PerioperativeSystemicShare"/>).</summary>
        public double MajorComplicationShare { get; init; } = 0.02;

        /// <summary>
        /// Monthly rate of a new metastasis after the metastasectomy (with death, median DFS 7.4 months), × 3.0 for lesions
        /// &gt; 2 cm without systemic therapy and × 0.29 more with it (so that the univariable HR is about 2.29 and the
        /// systemic therapy HR within lesions &gt; 2 cm 0.29).
        /// </summary>
        public double RecurrenceRate { get; init; } = 0.07;

        /// <summary>Factor on <see cref="RecurrenceRate"/> for lesions &gt; 2 cm.</summary>
        public double RecurrenceHazardRatioLarge { get; init; } = 3.0;

        /// <summary>Further factor on <see cref="RecurrenceRate"/> for lesions &gt; 2 cm with perioperative systemic therapy.</summary>
        public double RecurrenceHazardRatioSystemicLarge { get; init; } = 0.29;

        /// <summary>Monthly death rate after the metastasectomy (median OS 58.7 months), × 5.6 for lesions &gt; 2 cm, × 0.42 for TFI &gt; 12 months.</summary>
        public double DeathRate { get; init; } = 0.0113;

        /// <summary>Factor on <see cref="DeathRate"/> for lesions &gt; 2 cm.</summary>
        public double DeathHazardRatioLarge { get; init; } = 5.6;

        /// <summary>Factor on <see cref="DeathRate"/> for a treatment-free interval &gt; 12 months.</summary>
        public double DeathHazardRatioLongTfi { get; init; } = 0.42;
    }

    /// <summary>Seed 003: the multistate model's hazard ratios (the general cohort of resected localized sarcomas).</summary>
    public sealed record MultistateEffects
    {
        /// <summary>Hazard ratio of DM after a local recurrence (LR as a time-dependent covariate).</summary>
        public double LrToDmHazardRatio { get; init; } = 8.4;

        /// <summary>Hazard ratio of death after a local recurrence.</summary>
        public double LrToDeathHazardRatio { get; init; } = 3.4;

        /// <summary>Hazard ratio of death after a distant metastasis.</summary>
        public double DmToDeathHazardRatio { get; init; } = 12.6;

        /// <summary>Hazard ratio of DM for high grade (G2/G3) against G1.</summary>
        public double HighGradeDmHazardRatio { get; init; } = 3.8;

        /// <summary>
        /// Hazard ratio of death for high grade, at all times: with DM more frequent as the first relapse of high grade,
        /// and LR-first relapses not yet followed by DM, the Cox model of death after a first relapse on grade estimates about 4.4 (the paper's value).
        /// </summary>
        public double HighGradeDeathHazardRatio { get; init; } = 4.9;

        /// <summary>Monthly rate of a second local recurrence after the first.</summary>
        public double SecondLrRate { get; init; } = 0.01;
    }

    /// <summary>
    /// Seed 004: 1007 primary retroperitoneal sarcomas resected in 2003–2017, 408 relapsing (219 LR, 146 DM, 43 both on
    /// one day); survival after the first relapse Weibull by relapse type with the published medians and 5-year OS.
    /// </summary>
    public sealed record RetroperitonealEffects
    {
        /// <summary>Cohort size at paper scale (<see cref="PaperScalePatients"/>).</summary>
        public int Patients { get; init; } = 1007;

        /// <summary>Share of the cohort with a first relapse (408 of 1007).</summary>
        public double RelapseShare { get; init; } = 408 / 1007.0;

        /// <summary>Share of first relapses that are a local recurrence alone (219 of 408).</summary>
        public double LrShare { get; init; } = 219 / 408.0;

        /// <summary>Share of first relapses that are a distant metastasis alone (146 of 408); the rest are both on one day.</summary>
        public double DmShare { get; init; } = 146 / 408.0;

        /// <summary>Median survival (months) and Weibull shape after LR (33, 5-year 29%), DM (25, 20%) and both (12, 14%).</summary>
        public (double Median, double Shape) AfterLr { get; init; } = (33, 0.97);

        /// <summary>Median survival (months) and Weibull shape after a DM first relapse (see <see cref="AfterLr"/>).</summary>
        public (double Median, double Shape) AfterDm { get; init; } = (25, 0.96);

        /// <summary>Median survival (months) and Weibull shape after LR and DM on one day (see <see cref="AfterLr"/>).</summary>
        public (double Median, double Shape) AfterBoth { get; init; } = (12, 0.648);

        /// <summary>Share of local recurrences resected, and the survival time factors after an LR alone with and without resection (geometric mean 1).</summary>
        public double ResectedShare { get; init; } = 0.55;

        /// <summary>Survival time factor after a resected LR (see <see cref="ResectedShare"/>).</summary>
        public double ResectedTimeFactor { get; init; } = 1.25;

        /// <summary>Survival time factor after an LR not resected (see <see cref="ResectedShare"/>).</summary>
        public double NotResectedTimeFactor { get; init; } = 0.76;
    }
}
