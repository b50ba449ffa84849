namespace Sarc.Studies.Prediction;

/// <summary>How a variable enters a prediction model.</summary>
public enum ModelVariableType
{
    /// <summary>Its numeric value, linearly.</summary>
    Numeric,

    /// <summary>A factor: one indicator per level other than the reference (the first level).</summary>
    Factor,

    /// <summary>A restricted cubic spline in rms's parametrisation, on the variable's knots.</summary>
    Spline,
}
