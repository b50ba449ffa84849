namespace Sarc.Studies.Data;

/// <summary>
/// The vocabulary a study definition may use: the columns of the analysis dataset that <see cref="StudyDataset"/>
/// builds from the registry's flat template (plus the supplement columns), and the endpoints. One place, so the
/// validator, the runner and docs/studies.md cannot disagree.
/// </summary>
public static class StudyFields
{
    /// <summary>Columns copied or derived from the registry template, one row per patient.</summary>
    public static IReadOnlyList<string> Registry { get; } =
    [
        "patient_id", "center", "sex", "age", "histology", "histology_name", "site", "depth", "deep", "size_cm", "size_gt5",
        "grade", "high_grade", "margin", "smoking", "ever_smoker", "bmi", "charlson", "rt_setting", "rt_dose_gy",
        "rt_fractions", "rt_to_surgery_days", "necrosis_pct", "lr", "dm", "death", "relapse", "metastatic_at_diagnosis",
        "relapse_type", "relapse_months", "relapse_gt12",
    ];

    /// <summary>
    /// Columns the flat template cannot express, read from the optional supplement CSV joined on <c>patient_id</c>
    /// (missing when there is no supplement). See docs/studies.md.
    /// </summary>
    public static IReadOnlyList<string> Supplement { get; } =
    [
        "wound_complication", "late_toxicity_grade", "late_toxicity", "systemic_therapy", "metastasectomy",
        "pm_lesion_cm", "pm_lesion_gt2", "pm_lesion_count", "clavien_dindo", "clavien_major", "relapse_resected",
    ];

    /// <summary>
    /// Endpoints: each gives the columns <c>NAME_months</c> and <c>NAME_event</c> (status 0/1; for the competing-risks
    /// endpoints <c>lr_cr</c> and <c>dm_cr</c> 0 censored, 1 LR (DM), 2 death without LR (DM)). Origin = primary surgery, except post_relapse_os (first LR or DM).
    /// </summary>
    public static IReadOnlyList<string> Endpoints { get; } = ["os", "dfs", "lrfs", "dmfs", "pfs", "post_relapse_os", "lr_cr", "dm_cr"];

    /// <summary>Every column name a definition may refer to, endpoint columns included.</summary>
    public static IReadOnlySet<string> AllColumns { get; } = Registry.Concat(Supplement)
        .Concat(Endpoints.SelectMany(e => new[] { e + "_months", e + "_event" })).ToHashSet(StringComparer.Ordinal);

    /// <summary>The values <c>has:</c> accepts in a cohort: which events a patient must have had.</summary>
    public static IReadOnlyList<string> HasValues { get; } = ["lr", "dm", "lr_or_dm", "lr_and_dm", "death"];

    /// <summary>
    /// Columns recorded after time zero (surgery): an event or a treatment during follow-up. Grouping a survival curve
    /// from surgery by one of them gives immortal-time bias (a patient must survive to have the event), so a <c>km</c>
    /// analysis refuses it unless it names a landmark or the Simon-Makuch method. The value is the column that dates the
    /// change in months since surgery, for the event indicators that can be landmarked or used as a time-dependent
    /// grouping (1 from that time on); null where the dataset has no date for it.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> PostBaseline { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["lr"] = "lrfs_months", ["dm"] = "dmfs_months", ["relapse"] = "relapse_months", ["death"] = null,
        ["relapse_type"] = null, ["relapse_months"] = null, ["relapse_gt12"] = null, ["relapse_resected"] = null,
        ["systemic_therapy"] = null, ["metastasectomy"] = null, ["pm_lesion_cm"] = null, ["pm_lesion_gt2"] = null,
        ["pm_lesion_count"] = null, ["clavien_dindo"] = null, ["clavien_major"] = null,
    };

    /// <summary>
    /// Post-baseline columns known at the first relapse (its type, timing and treatment, the metastasectomy of the
    /// seed's proxy): baseline for the endpoints that start at the first relapse.
    /// </summary>
    public static IReadOnlySet<string> KnownAtRelapse { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "relapse", "relapse_type", "relapse_months", "relapse_gt12", "relapse_resected", "systemic_therapy", "metastasectomy",
        "pm_lesion_cm", "pm_lesion_gt2", "pm_lesion_count", "clavien_dindo", "clavien_major",
    };

    /// <summary>The endpoints whose time zero is the first relapse rather than surgery.</summary>
    public static IReadOnlySet<string> FromRelapse { get; } = new HashSet<string>(StringComparer.Ordinal) { "post_relapse_os" };
}
