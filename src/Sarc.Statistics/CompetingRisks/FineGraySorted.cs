using Sarc.Statistics.Survival;

namespace Sarc.Statistics.CompetingRisks;

/// <summary>The Fine-Gray data sorted once by time, with crr's censoring weights and the blocks of tied times.</summary>
internal sealed class FineGraySorted
{
    private readonly int n;
    private readonly int p;
    private readonly double[] x;          // row-major, sorted by time
    private readonly int[] kind;          // 0 censored, 1 the cause of interest, 2 a competing cause
    private readonly double[] censorSurvival; // G(t-) of each sorted row, as crr's approx() of the censoring KM
    private readonly int[] blockStart;    // distinct times: rows [blockStart[b], blockStart[b + 1])
    private readonly int[] blockFailures;
    private readonly int[] blockCensored;
    private readonly double[] blockTime;
    // Scratch for every evaluation at a new beta: a fit evaluates a dozen times, and on a million rows fresh arrays
    // each time cost more than the sums.
    private readonly double[] risk;
    private readonly double[] eta;

    private FineGraySorted(int n, int p, double[] x, int[] kind, double[] censorSurvival, int[] blockStart, int[] blockFailures, int[] blockCensored, double[] blockTime, int events)
    {
        this.blockTime = blockTime;
        this.n = n;
        this.p = p;
        this.x = x;
        this.kind = kind;
        this.censorSurvival = censorSurvival;
        this.blockStart = blockStart;
        this.blockFailures = blockFailures;
        this.blockCensored = blockCensored;
        Events = events;
        risk = new double[n];
        eta = new double[n];
    }

    public int Events { get; }

    private int Blocks => blockFailures.Length;

    public static FineGraySorted Sort(ReadOnlySpan<double> time, ReadOnlySpan<int> status, int failCode, ReadOnlySpan<double> covariates, int p)
    {
        var n = time.Length;
        // Stable within ties, as R's order(), so sums run in R's order.
        var order = CoxSort.ByKey(time.ToArray(), descending: false);
        var sorted = new double[n];
        for (var i = 0; i < n; i++)
        {
            sorted[i] = time[order[i]];
        }
        var start = 0;
        var starts = new List<int>();
        for (var i = 1; i <= n; i++)
        {
            if (i == n || sorted[i] != sorted[start])
            {
                starts.Add(start);
                start = i;
            }
        }
        starts.Add(n);
        var x = new double[n * p];
        var kind = new int[n];
        var events = 0;
        for (var i = 0; i < n; i++)
        {
            var s = status[order[i]];
            kind[i] = s == 0 ? 0 : s == failCode ? 1 : 2;
            events += kind[i] == 1 ? 1 : 0;
            covariates.Slice(order[i] * p, p).CopyTo(x.AsSpan(i * p, p));
        }
        var blocks = starts.Count - 1;
        var failures = new int[blocks];
        var censored = new int[blocks];
        var g = new double[n];
        double survivalAfter = 1;
        for (var b = 0; b < blocks; b++)
        {
            for (var i = starts[b]; i < starts[b + 1]; i++)
            {
                failures[b] += kind[i] == 1 ? 1 : 0;
                censored[b] += kind[i] == 0 ? 1 : 0;
            }
            var before = survivalAfter;
            survivalAfter *= 1 - (double)censored[b] / (n - starts[b]);
            // crr evaluates the censoring KM at t (1 - 100 eps): just before t, except at t = 0, where it is the value at 0.
            var weight = sorted[starts[b]] == 0 ? survivalAfter : before;
            for (var i = starts[b]; i < starts[b + 1]; i++)
            {
                g[i] = weight;
            }
        }
        var times = new double[blocks];
        for (var b = 0; b < blocks; b++)
        {
            times[b] = sorted[starts[b]];
        }
        return new FineGraySorted(n, p, x, kind, g, [.. starts], failures, censored, times, events);
    }

    /// <summary>The negative log pseudo-likelihood, its gradient and Hessian (crr's crrfsv), at <paramref name="beta"/>.</summary>
    public Evaluation Evaluate(double[] beta) => Run(beta, withDerivatives: true, keepBlocks: false);

    /// <summary>
    /// crr's <c>bfitj</c> and <c>uftime</c> (Fortran <c>crrfit</c>): at each distinct time with failures of the cause,
    /// the jump d / S0(beta) of the baseline cumulative subdistribution hazard.
    /// </summary>
    public (double[] Times, double[] Jumps) BaselineJumps(double[] beta)
    {
        var fit = Run(beta, withDerivatives: true, keepBlocks: true);
        var times = new List<double>();
        var jumps = new List<double>();
        for (var b = 0; b < Blocks; b++)
        {
            if (blockFailures[b] > 0)
            {
                times.Add(blockTime[b]);
                jumps.Add(blockFailures[b] / fit.BlockS0[b]);
            }
        }
        return ([.. times], [.. jumps]);
    }

    /// <summary>The negative log pseudo-likelihood only (crr's crrf).</summary>
    public double NegLogLikelihood(double[] beta) => Run(beta, withDerivatives: false, keepBlocks: false).NegLogLikelihood;

    // Kernel header (crrfsv as sums).
    // Inputs: rows sorted by time; kind 0/1/2; G(t-) per row; beta.
    // At the failure time t of block b the weighted risk set is {rows with time >= t} (weight 1) plus the competing
    // failures before t (weight G(t-)/G(t_j-)). Both parts are accumulated once: suffix sums over rows (descending
    // pass) and prefix sums of competing rows divided by their G (ascending pass, kept per failure block).
    // Outputs: -log PL, score and Hessian of -log PL; with keepBlocks, S0 and Z̄ = S1/S0 of every block with failures.
    private Evaluation Run(double[] beta, bool withDerivatives, bool keepBlocks)
    {
        var blocks = Blocks;
        var pp = p * p;
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            for (var k = 0; k < p; k++)
            {
                sum += x[i * p + k] * beta[k];
            }
            eta[i] = sum;
            risk[i] = Math.Exp(sum);
        }
        // Ascending: competing prefix sums at each block (over rows strictly before it).
        var prefix0 = new double[blocks];
        var prefix1 = withDerivatives ? new double[blocks * p] : [];
        var prefix2 = withDerivatives ? new double[blocks * pp] : [];
        double c0 = 0;
        var c1 = new double[p];
        var c2 = new double[pp];
        for (var b = 0; b < blocks; b++)
        {
            prefix0[b] = c0;
            if (withDerivatives)
            {
                Array.Copy(c1, 0, prefix1, b * p, p);
                Array.Copy(c2, 0, prefix2, b * pp, pp);
            }
            for (var i = blockStart[b]; i < blockStart[b + 1]; i++)
            {
                if (kind[i] != 2)
                {
                    continue;
                }
                var w = risk[i] / censorSurvival[i];
                c0 += w;
                if (withDerivatives)
                {
                    AddMoments(i, w, c1, c2);
                }
            }
        }
        double negLogLik = 0;
        var score = new double[p];
        var hessian = new double[pp];
        var blockS0 = keepBlocks ? new double[blocks] : [];
        var blockMean = keepBlocks ? new double[blocks * p] : [];
        double q0 = 0;
        var q1 = new double[p];
        var q2 = new double[pp];
        var s1 = new double[p];
        for (var b = blocks - 1; b >= 0; b--)
        {
            for (var i = blockStart[b]; i < blockStart[b + 1]; i++)
            {
                q0 += risk[i];
                if (withDerivatives)
                {
                    AddMoments(i, risk[i], q1, q2);
                }
            }
            var d = blockFailures[b];
            if (d == 0)
            {
                continue;
            }
            var g = censorSurvival[blockStart[b]];
            var s0 = q0 + g * prefix0[b];
            negLogLik += d * Math.Log(s0);
            for (var i = blockStart[b]; i < blockStart[b + 1]; i++)
            {
                if (kind[i] == 1)
                {
                    negLogLik -= eta[i];
                    if (withDerivatives)
                    {
                        for (var k = 0; k < p; k++)
                        {
                            score[k] -= x[i * p + k];
                        }
                    }
                }
            }
            if (!withDerivatives)
            {
                continue;
            }
            for (var k = 0; k < p; k++)
            {
                s1[k] = q1[k] + g * prefix1[b * p + k];
                score[k] += d * s1[k] / s0;
            }
            for (var k = 0; k < p; k++)
            {
                for (var l = 0; l < p; l++)
                {
                    var s2 = q2[k * p + l] + g * prefix2[b * pp + k * p + l];
                    hessian[k * p + l] += d * (s2 / s0 - s1[k] * s1[l] / (s0 * s0));
                }
            }
            if (keepBlocks)
            {
                blockS0[b] = s0;
                for (var k = 0; k < p; k++)
                {
                    blockMean[b * p + k] = s1[k] / s0;
                }
            }
        }
        return new Evaluation(negLogLik, score, hessian, blockS0, blockMean);
    }

    private void AddMoments(int row, double weight, double[] first, double[] second)
    {
        var offset = row * p;
        for (var k = 0; k < p; k++)
        {
            var wx = weight * x[offset + k];
            first[k] += wx;
            for (var l = 0; l < p; l++)
            {
                second[k * p + l] += wx * x[offset + l];
            }
        }
    }

    // Kernel header (crrvv as sums).
    // Inputs: the fit at beta and its Hessian H. Output: H⁻¹ (Σ_i u_i u_i') H⁻¹, u_i = η_i + ψ_i, where
    //   η_i = 1[i fails] (x_i - Z̄(t_i)) - r_i (x_i C0(t_i) - C1(t_i)) - 1[i competing] r_i / G_i (x_i D0⁺(t_i) - D1⁺(t_i)),
    //   C(t) = Σ_{failure blocks ≤ t} d/S0 (1, Z̄), D⁺(t) = Σ_{failure blocks > t} d G/S0 (1, Z̄);
    //   ψ_i = Σ_{censoring times u ≤ t_i} -c_u q(u) / R(u)² + 1[i censored] q(t_i)/R(t_i),
    //   q(u) = A1(u) B0(u) - A0(u) B1(u), A(u) = Σ_{competing rows before u} r/G (1, x), B(u) = D⁺ including u.
    public double[] SandwichCovariance(double[] beta, double[] hessian)
    {
        // Run leaves exp(x beta) of every row in risk.
        var fit = Run(beta, withDerivatives: true, keepBlocks: true);
        var blocks = Blocks;
        // Suffix sums of d G / S0 (1, Z̄) over failure blocks from b on.
        var suffix0 = new double[blocks + 1];
        var suffix1 = new double[(blocks + 1) * p];
        for (var b = blocks - 1; b >= 0; b--)
        {
            suffix0[b] = suffix0[b + 1];
            Array.Copy(suffix1, (b + 1) * p, suffix1, b * p, p);
            var d = blockFailures[b];
            if (d == 0)
            {
                continue;
            }
            var w = d * censorSurvival[blockStart[b]] / fit.BlockS0[b];
            suffix0[b] += w;
            for (var k = 0; k < p; k++)
            {
                suffix1[b * p + k] += w * fit.BlockMean[b * p + k];
            }
        }
        double cum0 = 0, a0 = 0;
        var cum1 = new double[p];
        var a1 = new double[p];
        var censorTerm = new double[p];
        var q = new double[p];
        var u = new double[p];
        var meat = new double[p * p];
        for (var b = 0; b < blocks; b++)
        {
            var d = blockFailures[b];
            if (d > 0)
            {
                var w = d / fit.BlockS0[b];
                cum0 += w;
                for (var k = 0; k < p; k++)
                {
                    cum1[k] += w * fit.BlockMean[b * p + k];
                }
            }
            var atRisk = (double)(n - blockStart[b]);
            if (blockCensored[b] > 0)
            {
                for (var k = 0; k < p; k++)
                {
                    q[k] = a1[k] * suffix0[b] - a0 * suffix1[b * p + k];
                    censorTerm[k] -= blockCensored[b] * q[k] / (atRisk * atRisk);
                }
            }
            for (var i = blockStart[b]; i < blockStart[b + 1]; i++)
            {
                var offset = i * p;
                for (var k = 0; k < p; k++)
                {
                    var xi = x[offset + k];
                    var value = -risk[i] * (xi * cum0 - cum1[k]) + censorTerm[k];
                    if (kind[i] == 1)
                    {
                        value += xi - fit.BlockMean[b * p + k];
                    }
                    else if (kind[i] == 2)
                    {
                        value -= risk[i] / censorSurvival[i] * (xi * suffix0[b + 1] - suffix1[(b + 1) * p + k]);
                    }
                    else
                    {
                        value += q[k] / atRisk;
                    }
                    u[k] = value;
                }
                for (var k = 0; k < p; k++)
                {
                    for (var l = 0; l < p; l++)
                    {
                        meat[k * p + l] += u[k] * u[l];
                    }
                }
            }
            for (var i = blockStart[b]; i < blockStart[b + 1]; i++)
            {
                if (kind[i] == 2)
                {
                    var w = risk[i] / censorSurvival[i];
                    a0 += w;
                    for (var k = 0; k < p; k++)
                    {
                        a1[k] += w * x[i * p + k];
                    }
                }
            }
        }
        var information = new double[p, p];
        for (var k = 0; k < p; k++)
        {
            for (var l = 0; l < p; l++)
            {
                information[k, l] = hessian[k * p + l];
            }
        }
        // V = I⁻¹ M I⁻ᵀ (M row-major, as hessian).
        var inverse = SmallLinearSystem.Invert(information);
        var result = new double[p * p];
        for (var k = 0; k < p; k++)
        {
            for (var l = 0; l < p; l++)
            {
                var sum = 0.0;
                for (var a = 0; a < p; a++)
                {
                    for (var b = 0; b < p; b++)
                    {
                        sum += inverse[k, a] * meat[a * p + b] * inverse[l, b];
                    }
                }
                result[k * p + l] = sum;
            }
        }
        return result;
    }

    internal sealed record Evaluation(double NegLogLikelihood, double[] Score, double[] Hessian, double[] BlockS0, double[] BlockMean);
}
