using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>Confidence intervals for a binomial proportion.</summary>
public static class ProportionCI
{
    /// <summary>
    /// The Clopper-Pearson exact interval of x successes in n trials: [B⁻¹(α/2; x, n - x + 1), B⁻¹(1 - α/2; x + 1, n - x)],
    /// lower 0 when x = 0 and upper 1 when x = n; as R <c>binom.test(x, n, conf.level = level)$conf.int</c>.
    /// The estimate is x / n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, x outside 0..n, or a level not in (0, 1).</exception>
    public static IntervalEstimate ClopperPearson(int successes, int trials, double confidenceLevel = 0.95)
    {
        Preconditions.Positive(trials, nameof(trials));
        Preconditions.NonNegative(successes, nameof(successes));
        if (successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"{nameof(successes)} must be <= {nameof(trials)}.");
        }
        Preconditions.InOpenRange(confidenceLevel, 0, 1, nameof(confidenceLevel));
        var alpha = (1 - confidenceLevel) / 2;
        var lower = successes == 0 ? 0 : BetaQuantile.Lower(alpha, successes, trials - successes + 1);
        var upper = successes == trials ? 1 : BetaQuantile.Lower(1 - alpha, successes + 1, trials - successes);
        return new IntervalEstimate((double)successes / trials, lower, upper, confidenceLevel);
    }
}
