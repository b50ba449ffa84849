namespace Sarc.Statistics.Survival;

/// <summary>
/// The proportional-hazards test of R's <c>cox.zph(fit, transform = "km", terms = TRUE)</c> (zph1 / zph2).
/// Inputs: <see cref="CoxPrepared"/> data, eta (fitted linear predictor, same coordinates), ties, the term of each
/// column. g(t) = 1 - KM(t-) of the pooled (unstratified) data, centred at its mean over the event rows. One score
/// step at the fitted beta for the 2p-vector (beta, theta) of the model with extra covariates x g(t): the score of
/// theta and the full 2p x 2p information; per term, the score test on that term's theta block; global, on all.
/// Plain risk-set scan per event time.
/// </summary>
internal static class CoxZph
{
    public static CoxPhTest Compute(CoxPrepared data, double[] eta, CoxTies ties, int[] assign, string[] termNames)
    {
        var p = data.P;
        var g = TimeTransform(data);
        var q = 2 * p;
        var u = new double[q];
        var imat = new double[q, q];
        var risk = eta.Select(Math.Exp).ToArray();
        var groups = CoxEventSums.EventTimes(data);
        var byStratum = CoxEventSums.RowsByStratum(data);
        var sums = new CoxEventSums(p);
        var s2 = new double[p, p];
        var s2Dead = new double[p, p];
        foreach (var group in groups)
        {
            var (stratum, t) = group.Key;
            var gt = g[group.First()];
            sums.Clear();
            Array.Clear(s2);
            Array.Clear(s2Dead);
            foreach (var i in byStratum[stratum])
            {
                if (!(data.Start[i] < t && t <= data.Stop[i]))
                {
                    continue;
                }
                var isDead = data.Status[i] != 0 && data.Stop[i] == t;
                sums.Add(risk[i], isDead, data.X.AsSpan(i * p, p));
                for (var j = 0; j < p; j++)
                {
                    var xj = data.X[i * p + j];
                    if (isDead)
                    {
                        u[p + j] += gt * xj;
                    }
                    for (var k = 0; k < p; k++)
                    {
                        var v = risk[i] * xj * data.X[i * p + k];
                        s2[j, k] += v;
                        if (isDead)
                        {
                            s2Dead[j, k] += v;
                        }
                    }
                }
            }
            var steps = sums.Steps(ties);
            var weight = (double)sums.Deaths / steps;
            for (var l = 0; l < steps; l++)
            {
                var f = sums.Fraction(ties, l);
                var denom = sums.Denominator(f);
                for (var j = 0; j < p; j++)
                {
                    var meanJ = sums.Mean(j, f, denom);
                    u[p + j] -= gt * weight * meanJ;
                    for (var k = 0; k < p; k++)
                    {
                        var meanK = sums.Mean(k, f, denom);
                        var v = weight * ((s2[j, k] - f * s2Dead[j, k]) / denom - meanJ * meanK);
                        imat[j, k] += v;
                        imat[j, p + k] += gt * v;
                        imat[p + j, k] += gt * v;
                        imat[p + j, p + k] += gt * gt * v;
                    }
                }
            }
        }

        return Tests(u, imat, p, assign, termNames);
    }

    /// <summary>
    /// The sweep version: the per-time score and information of <see cref="CoxSweepKernel.SweepByTime"/> weighted
    /// by g(t), O(n p²) instead of O(n D p²). <paramref name="beta"/> in the prepared (scaled) coordinates.
    /// </summary>
    public static CoxPhTest ComputeFast(CoxPrepared data, CoxSweepKernel kernel, double[] beta, int[] assign, string[] termNames)
    {
        var p = data.P;
        var (times, g) = TimeTransformFast(data);
        var q = 2 * p;
        var u = new double[q];
        var imat = new double[q, q];
        kernel.SweepByTime(beta, (t, score, information) =>
        {
            var gt = g[Array.BinarySearch(times, t)];
            var offset = 0;
            for (var j = 0; j < p; j++)
            {
                u[p + j] += gt * score[j];
                for (var k = 0; k <= j; k++)
                {
                    var v = information[offset + k];
                    imat[j, k] += v;
                    imat[p + j, p + k] += gt * gt * v;
                    imat[j, p + k] += gt * v;
                    imat[p + j, k] += gt * v;
                    if (k != j)
                    {
                        imat[k, j] += v;
                        imat[p + k, p + j] += gt * gt * v;
                        imat[k, p + j] += gt * v;
                        imat[p + k, j] += gt * v;
                    }
                }
                offset += j + 1;
            }
        });
        return Tests(u, imat, p, assign, termNames);
    }

    private static CoxPhTest Tests(double[] u, double[,] imat, int p, int[] assign, string[] termNames)
    {
        var q = 2 * p;
        var terms = new List<CoxPhTermTest>();
        for (var term = 0; term < termNames.Length; term++)
        {
            var columns = Enumerable.Range(0, p).Where(j => assign[j] == term).ToArray();
            if (columns.Length == 0)
            {
                continue;
            }
            var index = Enumerable.Range(0, p).Concat(columns.Select(j => p + j)).ToArray();
            var sub = new double[index.Length, index.Length];
            var score = new double[index.Length];
            for (var a = 0; a < index.Length; a++)
            {
                score[a] = a < p ? 0 : u[index[a]];
                for (var b = 0; b < index.Length; b++)
                {
                    sub[a, b] = imat[index[a], index[b]];
                }
            }
            var test = SmallLinearSystem.QuadraticForm(sub, score);
            var chi = ChiSquareTest.Of(test, columns.Length);
            terms.Add(new CoxPhTermTest(termNames[term], chi.ChiSquare, chi.DegreesOfFreedom, chi.P));
        }
        var full = new double[q];
        for (var j = 0; j < p; j++)
        {
            full[p + j] = u[p + j];
        }
        var global = ChiSquareTest.Of(SmallLinearSystem.QuadraticForm(imat, full), p);
        return new CoxPhTest(terms, global);
    }

    /// <summary>
    /// The same g(t) as <see cref="TimeTransform"/>, for the distinct event times only (ascending), in O(n) after
    /// two sorts: the number at risk at t is #(stop &gt;= t) - #(start &gt;= t).
    /// </summary>
    private static (double[] Times, double[] G) TimeTransformFast(CoxPrepared data)
    {
        var n = data.N;
        var all = Enumerable.Range(0, n).ToArray();
        var byStop = CoxSort.ByKey(data.Stop, all, descending: true);
        var byStart = CoxSort.ByKey(data.Start, all, descending: true);
        // Distinct event times, descending, with their counts of events and of rows at risk.
        var times = new List<double>();
        var events = new List<double>();
        var atRisk = new List<double>();
        var stopPointer = 0;
        var startPointer = 0;
        for (var r = 0; r < n; r++)
        {
            var i = byStop[r];
            if (data.Status[i] == 0 || (times.Count > 0 && times[^1] == data.Stop[i]))
            {
                continue;
            }
            var t = data.Stop[i];
            while (stopPointer < n && data.Stop[byStop[stopPointer]] >= t)
            {
                stopPointer++;
            }
            while (startPointer < n && data.Start[byStart[startPointer]] >= t)
            {
                startPointer++;
            }
            var d = 0;
            for (var k = r; k < n && data.Stop[byStop[k]] == t; k++)
            {
                d += data.Status[byStop[k]] != 0 ? 1 : 0;
            }
            times.Add(t);
            events.Add(d);
            atRisk.Add(stopPointer - startPointer);
        }
        times.Reverse();
        events.Reverse();
        atRisk.Reverse();
        var m = times.Count;
        var g = new double[m];
        var survivalBefore = 1.0;
        double weighted = 0, total = 0;
        for (var k = 0; k < m; k++)
        {
            g[k] = 1 - survivalBefore;
            weighted += events[k] * g[k];
            total += events[k];
            survivalBefore *= 1 - events[k] / atRisk[k];
        }
        var mean = weighted / total;
        for (var k = 0; k < m; k++)
        {
            g[k] -= mean;
        }
        return (times.ToArray(), g);
    }

    /// <summary>
    /// g_i = 1 - S(t_i-) with S the Kaplan-Meier of all rows pooled ((start, stop] risk sets for counting-process
    /// data), centred so that its mean over the event rows is 0.
    /// </summary>
    private static double[] TimeTransform(CoxPrepared data)
    {
        var n = data.N;
        var eventTimes = Enumerable.Range(0, n).Where(i => data.Status[i] != 0).Select(i => data.Stop[i]).Distinct().Order().ToArray();
        var survivalAfter = new double[eventTimes.Length];
        var s = 1.0;
        for (var k = 0; k < eventTimes.Length; k++)
        {
            var t = eventTimes[k];
            double atRisk = 0, events = 0;
            for (var i = 0; i < n; i++)
            {
                if (data.Start[i] < t && t <= data.Stop[i])
                {
                    atRisk++;
                    if (data.Status[i] != 0 && data.Stop[i] == t)
                    {
                        events++;
                    }
                }
            }
            s *= 1 - events / atRisk;
            survivalAfter[k] = s;
        }
        var g = new double[n];
        double sum = 0;
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            // Left-continuous: the survival after the last event time strictly before t_i.
            var k = Array.BinarySearch(eventTimes, data.Stop[i]);
            k = k >= 0 ? k - 1 : ~k - 1;
            g[i] = 1 - (k >= 0 ? survivalAfter[k] : 1.0);
            if (data.Status[i] != 0)
            {
                sum += g[i];
                count++;
            }
        }
        var mean = sum / count;
        for (var i = 0; i < n; i++)
        {
            g[i] -= mean;
        }
        return g;
    }
}
