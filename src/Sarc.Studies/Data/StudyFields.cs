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
        .Concat(Endpoints.SelectMany(e => new[] { e + "_months", e + "_event" })).ToHashSet(StringComparer.Ordinal);

    /// <summary>The values <c>has:</c> accepts in a cohort: which events a patient must have had.</summary>
    public static IReadOnlyList<string> HasValues { get; } = ["lr", "dm", "lr_or_dm", "lr_and_dm", "death"];
}
