namespace Sarc.Studies.Prediction;

/// <summary>What a recalibration re-estimates on local data (TRIPOD's updating methods).</summary>
public enum RecalibrationMethod
{
    /// <summary>The baseline only (calibration-in-the-large): the linear predictor is an offset.</summary>
    Intercept,

    /// <summary>The baseline and one slope for the whole linear predictor (logistic/Cox recalibration).</summary>
    Slope,
}
