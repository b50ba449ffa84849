namespace Sarc.Statistics.Prediction;

/// <summary>A nomogram's scales (see <see cref="NomogramScale"/>).</summary>
/// <param name="Scale">Points per unit of linear predictor.</param>
/// <param name="Intercept">The linear predictor at 0 total points.</param>
/// <param name="Axes">One axis per predictor.</param>
/// <param name="TotalPoints">Ticks of the total-points axis.</param>
/// <param name="LinearPredictor">Ticks of the linear-predictor axis.</param>
/// <param name="LinearPredictorPoints">Total points at each linear-predictor tick.</param>
/// <param name="Outcomes">The outcome axes.</param>
public sealed record NomogramScaleResult(
    double Scale, double Intercept, IReadOnlyList<NomogramAxis> Axes, double[] TotalPoints, double[] LinearPredictor,
    double[] LinearPredictorPoints, IReadOnlyList<NomogramOutcomeAxis> Outcomes);
