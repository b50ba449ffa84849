namespace Sarc.Statistics.Prediction;

/// <summary>
/// A concordance index with its (weighted) pair counts, named as R's <c>concordance(..., reverse = TRUE)$count</c>:
/// a pair is concordant when the patient with the earlier event has the higher predicted risk.
/// </summary>
/// <param name="Index">(concordant + tied.x / 2) / (concordant + discordant + tied.x); NaN without comparable pairs.</param>
/// <param name="Concordant">Weighted comparable pairs in which the earlier event has the higher risk.</param>
/// <param name="Discordant">Weighted comparable pairs in which it has the lower risk.</param>
/// <param name="TiedRisk">Weighted comparable pairs with equal risk (R's tied.x).</param>
/// <param name="TiedTime">Weighted pairs of events at the same time (R's tied.y), which do not count.</param>
public sealed record ConcordanceResult(double Index, double Concordant, double Discordant, double TiedRisk, double TiedTime)
{
    /// <summary>Somers' D = 2 C − 1, as <c>rms::validate</c> reports discrimination (its Dxy).</summary>
    public double SomersD => 2 * Index - 1;
}
