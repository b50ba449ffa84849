using MathNet.Numerics;

namespace Sarc.Statistics.Distributions;

/// <summary>
/// The hypergeometric distribution: the number of white balls among <c>draws</c> taken without replacement from an
/// urn of <c>white</c> white and <c>black</c> black balls. Parameterised as R's <c>dhyper(x, m, n, k)</c>.
/// </summary>
public static class Hypergeometric
{
    /// <summary>log P(X = x); as R <c>dhyper(x, m = white, n = black, k = draws, log = TRUE)</c>. -∞ outside the support.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or more draws than balls.</exception>
    public static double LogProbability(int x, int white, int black, int draws)
    {
        Preconditions.NonNegative(white, nameof(white));
        Preconditions.NonNegative(black, nameof(black));
        Preconditions.NonNegative(draws, nameof(draws));
        if (draws > white + black)
        {
            throw new ArgumentOutOfRangeException(nameof(draws), draws, $"{nameof(draws)} must be <= white + black.");
        }
        if (x < Math.Max(0, draws - black) || x > Math.Min(draws, white))
        {
            return double.NegativeInfinity;
        }
        return LogChoose(white, x) + LogChoose(black, draws - x) - LogChoose(white + black, draws);
    }

    /// <summary>The support [max(0, draws - black), min(draws, white)] of X.</summary>
    public static (int Low, int High) Support(int white, int black, int draws) =>
        (Math.Max(0, draws - black), Math.Min(draws, white));

    private static double LogChoose(int n, int k) =>
        SpecialFunctions.FactorialLn(n) - SpecialFunctions.FactorialLn(k) - SpecialFunctions.FactorialLn(n - k);
}
