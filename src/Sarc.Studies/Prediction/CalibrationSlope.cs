namespace Sarc.Studies.Prediction;

/// <summary>The calibration slope: the coefficient of the linear predictor in a Cox (or Fine-Gray) model of the outcome on it.</summary>
/// <param name="Estimate">1 for a model that is as spread out as the data; below 1 it predicts too extreme risks.</param>
/// <param name="StandardError">Its standard error (robust sandwich for Fine-Gray).</param>
public sealed record CalibrationSlope(double Estimate, double StandardError)
{
    /// <summary>Lower 95 % limit.</summary>
    public double Lower => Estimate - 1.959963984540054 * StandardError;

    /// <summary>Upper 95 % limit.</summary>
    public double Upper => Estimate + 1.959963984540054 * StandardError;
}
