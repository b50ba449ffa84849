namespace Sarc.Statistics.Prediction;

/// <summary>A smooth calibration curve: at each predicted risk of the grid, the observed risk the calibration model gives.</summary>
/// <param name="Time">The time t.</param>
/// <param name="Knots">The spline's knots on the log(−log(1 − risk)) scale.</param>
/// <param name="Predicted">The grid of predicted risks, ascending.</param>
/// <param name="Observed">The observed risk at each grid point.</param>
public sealed record SmoothCalibrationCurve(double Time, double[] Knots, double[] Predicted, double[] Observed);
