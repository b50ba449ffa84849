using Sarc.Statistics.Distributions;

namespace Sarc.Studies.Analyses;

/// <summary>
/// The pointwise confidence interval of a cumulative incidence F with Gray's variance V (cmprsk::cuminc's <c>var</c>),
/// on the log(−log) scale so it stays inside (0, 1): F^exp(∓z √V / (F log F)), as tidycmprsk reports it. Undefined
/// (NaN) where F is 0 or 1 or V is missing. See docs/methods/competing-risks.md.
/// </summary>
public static class IncidenceInterval
{
    /// <summary>The (lower, upper) limits at confidence <paramref name="level"/> (0 &lt; level &lt; 1).</summary>
    public static (double Lower, double Upper) Limits(double estimate, double variance, double level)
    {
        if (!(estimate > 0 && estimate < 1) || !(variance >= 0))
        {
            return (double.NaN, double.NaN);
        }
        var z = Probability.NormalQuantile(1 - (1 - level) / 2);
        // F log F < 0, so the lower limit's exponent exp(-spread) is above 1.
        var spread = z * Math.Sqrt(variance) / (estimate * Math.Log(estimate));
        return (Math.Pow(estimate, Math.Exp(-spread)), Math.Pow(estimate, Math.Exp(spread)));
    }
}
