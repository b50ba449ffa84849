using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Kernel: the conditional distribution of cell a of a 2 x 2 table given its margins, with odds ratio ncp (Fisher's
/// noncentral hypergeometric), written as R's fisher.test writes it (its local dnhyper, mnhyper, pnhyper).
/// Inputs: m = a + c (first column), n = b + d (second column), k = a + b (first row). Support lo..hi with
/// lo = max(0, k - n), hi = min(k, m). Outputs: probabilities over the support, the mean and the tails at any ncp
/// in [0, ∞]. Not thread-safe: it reuses one work array.
/// </summary>
internal sealed class NoncentralHypergeometric
{
    private readonly double[] _logDensity;
    private readonly double[] _density;

    public NoncentralHypergeometric(TwoByTwoTable table)
    {
        var m = table.A + table.C;
        var n = table.B + table.D;
        var k = table.A + table.B;
        (Low, High) = Hypergeometric.Support(m, n, k);
        _logDensity = new double[High - Low + 1];
        _density = new double[_logDensity.Length];
        for (var i = 0; i < _logDensity.Length; i++)
        {
            _logDensity[i] = Hypergeometric.LogProbability(Low + i, m, n, k);
        }
    }

    public int Low { get; }

    public int High { get; }

    /// <summary>R dnhyper(ncp): the probabilities over the support, scaled by the largest term before normalising.</summary>
    public ReadOnlySpan<double> Density(double ncp)
    {
        var logNcp = Math.Log(ncp);
        var max = double.NegativeInfinity;
        for (var i = 0; i < _density.Length; i++)
        {
            _density[i] = _logDensity[i] + logNcp * (Low + i);
            max = Math.Max(max, _density[i]);
        }
        var sum = 0.0;
        for (var i = 0; i < _density.Length; i++)
        {
            _density[i] = Math.Exp(_density[i] - max);
            sum += _density[i];
        }
        for (var i = 0; i < _density.Length; i++)
        {
            _density[i] /= sum;
        }
        return _density;
    }

    /// <summary>R mnhyper(ncp): E[a | margins, ncp].</summary>
    public double Mean(double ncp)
    {
        if (ncp == 0)
        {
            return Low;
        }
        if (double.IsPositiveInfinity(ncp))
        {
            return High;
        }
        var density = Density(ncp);
        var mean = 0.0;
        for (var i = 0; i < density.Length; i++)
        {
            mean += (Low + i) * density[i];
        }
        return mean;
    }

    /// <summary>R pnhyper(q, ncp, upper.tail): P(a &lt;= q), or P(a &gt;= q) when <paramref name="upperTail"/>.</summary>
    public double Tail(int q, double ncp, bool upperTail)
    {
        if (ncp == 1)
        {
            // R switches to phyper here; the central hypergeometric needs no rescaling.
            var sum = 0.0;
            for (var i = 0; i < _logDensity.Length; i++)
            {
                var x = Low + i;
                if (upperTail ? x >= q : x <= q)
                {
                    sum += Math.Exp(_logDensity[i]);
                }
            }
            return Math.Min(1.0, sum);
        }
        if (ncp == 0)
        {
            return (upperTail ? q <= Low : q >= Low) ? 1 : 0;
        }
        if (double.IsPositiveInfinity(ncp))
        {
            return (upperTail ? q <= High : q >= High) ? 1 : 0;
        }
        var density = Density(ncp);
        var tail = 0.0;
        for (var i = 0; i < density.Length; i++)
        {
            var x = Low + i;
            if (upperTail ? x >= q : x <= q)
            {
                tail += density[i];
            }
        }
        return tail;
    }
}
