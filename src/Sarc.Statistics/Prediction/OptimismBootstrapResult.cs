namespace Sarc.Statistics.Prediction;

/// <summary>Harrell's bootstrap validation of a Cox model: Somers' D and the calibration slope, with optimism.</summary>
/// <param name="SomersD">Somers' D (rms's Dxy) of the linear predictor; C = (1 + D) / 2.</param>
/// <param name="Slope">Calibration slope (1 by construction on the data a model was fitted on).</param>
/// <param name="Successful">Resamples whose refit worked.</param>
/// <param name="Requested">Resamples drawn.</param>
public sealed record OptimismBootstrapResult(OptimismRow SomersD, OptimismRow Slope, int Successful, int Requested)
{
    /// <summary>The C index row derived from Somers' D: C = (1 + D) / 2 for every column.</summary>
    public OptimismRow Concordance => new(
        (1 + SomersD.Apparent) / 2, (1 + SomersD.Training) / 2, (1 + SomersD.Test) / 2, SomersD.Optimism / 2,
        (1 + SomersD.Corrected) / 2, SomersD.Resamples);
}
