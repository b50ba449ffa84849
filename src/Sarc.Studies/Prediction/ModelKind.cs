namespace Sarc.Studies.Prediction;

/// <summary>The kind of prediction model a model file holds.</summary>
public enum ModelKind
{
    /// <summary>Cox proportional hazards: predicts survival, S(t | x) = exp(−H₀(t) exp(lp)).</summary>
    Cox,

    /// <summary>Fine-Gray subdistribution hazards: predicts the cumulative incidence of a cause, 1 − exp(−Λ₀(t) exp(lp)).</summary>
    FineGray,
}
