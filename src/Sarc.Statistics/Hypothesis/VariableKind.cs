namespace Sarc.Statistics.Hypothesis;

/// <summary>How a Table 1 variable is summarised and tested.</summary>
public enum VariableKind
{
    /// <summary>Median (Q1, Q3) per group; rank tests by default.</summary>
    Continuous,

    /// <summary>n (%) per level and group; chi-square or Fisher by default.</summary>
    Categorical,
}
