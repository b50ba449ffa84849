namespace Sarc.Statistics.Survival;

/// <summary>How a Cox model treats tied event times, as R's <c>coxph(ties = ...)</c>.</summary>
public enum CoxTies
{
    /// <summary>Efron's approximation, R's default.</summary>
    Efron,

    /// <summary>Breslow's approximation.</summary>
    Breslow,
}
