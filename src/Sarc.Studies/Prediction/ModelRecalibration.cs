namespace Sarc.Studies.Prediction;

/// <summary>What a recalibration changed: the method, the data, and the slope applied to the linear predictor.</summary>
/// <param name="Method">"intercept" (baseline re-estimated) or "slope" (baseline and the linear predictor's slope).</param>
/// <param name="Slope">The factor applied to the original linear predictor (1 for "intercept").</param>
/// <param name="On">The local data.</param>
public sealed record ModelRecalibration(string Method, double Slope, ModelProvenance On);
