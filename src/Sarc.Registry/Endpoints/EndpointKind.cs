namespace Sarc.Registry.Endpoints;

/// <summary>
/// The endpoints every front end derives through <see cref="PatientEndpoints"/> (docs/formats.md). Origin is the
/// primary surgery unless stated; "last contact" is <see cref="Domain.PatientRecord.LastContact"/>.
/// </summary>
public enum EndpointKind
{
    /// <summary><c>os</c>: death from any cause; censored at last contact.</summary>
    OverallSurvival,

    /// <summary><c>dfs</c>: first local recurrence or distant metastasis after the primary surgery, or death. Not for patients metastatic at diagnosis.</summary>
    DiseaseFreeSurvival,

    /// <summary><c>lrfs</c>: first local recurrence; censored at death or last contact.</summary>
    LocalRecurrenceFree,

    /// <summary><c>dmfs</c>: first distant metastasis; censored at death or last contact. Not for patients metastatic at diagnosis.</summary>
    DistantMetastasisFree,

    /// <summary><c>lr-cr</c>: competing risks, status 1 = first LR, 2 = death without LR, 0 = censored.</summary>
    LocalRecurrenceCompetingRisks,

    /// <summary><c>post-relapse-os</c>: origin the first LR or DM after the primary surgery; event death.</summary>
    PostRelapseSurvival,

    /// <summary><c>multistate</c>: counting-process intervals through entry → lr → dm → death.</summary>
    Multistate,

    /// <summary><c>dm-cr</c>: competing risks, status 1 = first DM, 2 = death without DM, 0 = censored. Not for patients metastatic at diagnosis.</summary>
    DistantMetastasisCompetingRisks,

    /// <summary><c>pfs</c>: first LR or DM after the primary surgery, or death — for every patient, metastatic at diagnosis included (progression).</summary>
    ProgressionFreeSurvival,

    /// <summary><c>pm-dfs</c>: origin the first metastasectomy; first LR or DM dated after it, or death.</summary>
    PostMetastasectomyDiseaseFree,

    /// <summary><c>pm-os</c>: origin the first metastasectomy; event death.</summary>
    PostMetastasectomySurvival,

    /// <summary>
    /// <c>stfs</c>: systemic therapy-free survival: the start of the first systemic therapy line dated after the primary
    /// surgery, or death. Not for patients with a line of adjuvant intent (planned adjuvant therapy).
    /// </summary>
    SystemicTherapyFreeSurvival,
}
