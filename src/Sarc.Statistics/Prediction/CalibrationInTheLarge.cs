namespace Sarc.Statistics.Prediction;

/// <summary>Calibration-in-the-large at one time: observed against expected risk.</summary>
/// <param name="Time">The time t.</param>
/// <param name="Observed">Observed risk at t of all patients, with its 95 % interval.</param>
/// <param name="Expected">Mean predicted risk at t.</param>
public sealed record CalibrationInTheLarge(double Time, ObservedRisk Observed, double Expected)
{
    /// <summary>Observed / expected (O/E): above 1 the model under-predicts.</summary>
    public double Ratio => Observed.Risk / Expected;

    /// <summary>Observed − expected.</summary>
    public double Difference => Observed.Risk - Expected;
}
