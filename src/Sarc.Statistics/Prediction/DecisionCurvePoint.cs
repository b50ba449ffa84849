namespace Sarc.Statistics.Prediction;

/// <summary>One threshold of a decision curve.</summary>
/// <param name="Threshold">The threshold probability p_t, in (0, 1).</param>
/// <param name="NetBenefit">Net benefit of treating the patients whose predicted risk is above p_t.</param>
/// <param name="TreatAll">Net benefit of treating everyone.</param>
/// <param name="FractionAbove">Share of patients whose predicted risk is above p_t.</param>
public readonly record struct DecisionCurvePoint(double Threshold, double NetBenefit, double TreatAll, double FractionAbove);
