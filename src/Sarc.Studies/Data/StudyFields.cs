using Sarc.Registry.Endpoints;

namespace Sarc.Studies.Data;

/// <summary>
/// The vocabulary a study definition may use: the columns of the analysis dataset (<see cref="StudyDataset"/>) — the
/// registry engine's covariates (<see cref="EndpointCovariates"/>) and endpoints (<see cref="EndpointNames"/>). One
/// place, so the validator, the runner and docs/studies.md cannot disagree.
/// </summary>
public static class StudyFields
{
    /// <summary>The per-patient columns: <c>patient_id</c> and every covariate, in dataset order.</summary>
    public static IReadOnlyList<string> Registry { get; } = ["patient_id", .. EndpointCovariates.All.Select(c => c.Name)];

    /// <summary>
    /// Endpoints: each gives the columns <c>NAME_months</c> and <c>NAME_event</c> (status 0/1; for the competing-risks
    /// endpoints <c>lr_cr</c> and <c>dm_cr</c> 0 censored, 1 LR (DM), 2 death without it), missing where the patient
    /// does not have the endpoint. Origin = primary surgery, except post_relapse_os (first relapse) and pm_dfs, pm_os
    /// (first metastasectomy).
    /// </summary>
    public static IReadOnlyList<string> Endpoints { get; } = [.. EndpointNames.SingleRow.Select(EndpointNames.StudyNameOf)];

    /// <summary>Every column name a definition may refer to, endpoint columns included.</summary>
    public static IReadOnlySet<string> AllColumns { get; } = Registry
        .Concat(Endpoints.SelectMany(e => new[] { EndpointNames.MonthsColumn(e), EndpointNames.EventColumn(e) })).ToHashSet(StringComparer.Ordinal);

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
        ["relapse_type"] = null, ["relapse_months"] = null, ["relapse_gt12"] = null, ["relapse_resected"] = null, ["n_lr"] = null,
        ["systemic_any"] = null, ["n_metastasectomies"] = null, ["tfi_months"] = null, ["pm_lesions"] = null,
        ["pm_max_lesion_cm"] = null, ["pm_clavien_dindo"] = null, ["pm_clavien_major"] = null, ["pm_systemic"] = null,
    };

    /// <summary>
    /// Post-baseline columns known at the first relapse or at the first metastasectomy (the relapse's type, timing and
    /// treatment; the treatment-free interval; the metastasectomy's lesions, complications and perioperative therapy):
    /// baseline for the endpoints that start there.
    /// </summary>
    public static IReadOnlySet<string> KnownAtRelapse { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "relapse", "relapse_type", "relapse_months", "relapse_gt12", "relapse_resected", "tfi_months", "n_metastasectomies",
        "pm_lesions", "pm_max_lesion_cm", "pm_clavien_dindo", "pm_clavien_major", "pm_systemic",
    };

    /// <summary>The endpoints whose time zero is the first relapse or the first metastasectomy rather than surgery.</summary>
    public static IReadOnlySet<string> FromRelapse { get; } = new HashSet<string>(StringComparer.Ordinal) { "post_relapse_os", "pm_dfs", "pm_os" };
}
