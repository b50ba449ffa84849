namespace Sarc.Registry.Endpoints;

/// <summary>The analysis-ready endpoints (see docs/formats.md). Origin is the primary surgery unless stated.</summary>
public enum EndpointKind
{
    /// <summary><c>os</c>: death from any cause; censored at last follow-up.</summary>
    OverallSurvival,

    /// <summary><c>dfs</c>: first of local recurrence, distant metastasis or death.</summary>
    DiseaseFreeSurvival,

    /// <summary><c>lrfs</c>: local recurrence; censored at death or last follow-up.</summary>
    LocalRecurrenceFree,

    /// <summary><c>dmfs</c>: distant metastasis; censored at death or last follow-up.</summary>
    DistantMetastasisFree,

    /// <summary><c>lr-cr</c>: competing risks, status 1 = LR, 2 = death without LR, 0 = censored.</summary>
    LocalRecurrenceCompetingRisks,

    /// <summary><c>post-relapse-os</c>: patients with LR or DM; origin the first of them; event death.</summary>
    PostRelapseSurvival,

    /// <summary><c>multistate</c>: counting-process intervals through entry → lr → dm → death.</summary>
    Multistate,
}
