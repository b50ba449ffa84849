namespace Sarc.Statistics.Survival;

/// <summary>
/// Score residuals of a Cox fit, as R's <c>residuals(fit, type = "score")</c> (coxscore2 / agscore3), Efron or
/// Breslow. Inputs: <see cref="CoxPrepared"/> data (scaled covariates) and eta = X beta in the same coordinates.
/// Output: n x p row-major residuals in the prepared (scaled) coordinates: divide column j by Scale[j] for the
/// original ones. Plain risk-set scan per event time: O(rows at risk summed over event times x p).
/// For row i at risk at an event time with d deaths, step l = 0..d-1 has f = l/d (Efron; f = 0 and one step of
/// weight d for Breslow), denominator S0 - f S0dead, mean xbar_l and hazard h_l = (1 per step) / denominator:
/// a death gets (x_i - xbar_l)/d - r_i (1 - f) h_l (x_i - xbar_l); any other row at risk gets - r_i h_l (x_i - xbar_l).
/// </summary>
internal static class CoxScoreResiduals
{
    public static double[] Compute(CoxPrepared data, double[] eta, CoxTies ties)
    {
        var n = data.N;
        var p = data.P;
        var resid = new double[(long)n * p];
        var risk = eta.Select(Math.Exp).ToArray();
        var groups = CoxEventSums.EventTimes(data);
        var byStratum = CoxEventSums.RowsByStratum(data);
        var sums = new CoxEventSums(p);
        var mean = new double[p];
        foreach (var group in groups)
        {
            var (stratum, t) = group.Key;
            var atRisk = byStratum[stratum].Where(i => data.Start[i] < t && t <= data.Stop[i]).ToArray();
            sums.Clear();
            foreach (var i in atRisk)
            {
                sums.Add(risk[i], data.Status[i] != 0 && data.Stop[i] == t, data.X.AsSpan(i * p, p));
            }
            var deaths = sums.Deaths;
            var steps = sums.Steps(ties);
            var stepWeight = (double)deaths / steps;
            for (var l = 0; l < steps; l++)
            {
                var f = sums.Fraction(ties, l);
                var denom = sums.Denominator(f);
                var hazard = stepWeight / denom;
                for (var j = 0; j < p; j++)
                {
                    mean[j] = sums.Mean(j, f, denom);
                }
                foreach (var i in atRisk)
                {
                    var isDead = data.Status[i] != 0 && data.Stop[i] == t;
                    var share = isDead ? (1 - f) : 1.0;
                    for (var j = 0; j < p; j++)
                    {
                        var centred = data.X[i * p + j] - mean[j];
                        var value = -risk[i] * share * hazard * centred;
                        if (isDead)
                        {
                            value += centred * stepWeight / deaths;
                        }
                        resid[i * p + j] += value;
                    }
                }
            }
        }
        return resid;
    }

    /// <summary>
    /// The same residuals in O(n (p + log D) + D p): the sweep gives each event time's risk-set sums, from which the
    /// hazard increments H = Σ h_l and mean-weighted Hx = Σ h_l xbar_l (and, for the deaths at t, the shares
    /// H' = Σ (1 - f_l) h_l, Hx' and the mean of the step means M) are formed; cumulated over time per stratum, a
    /// row's residual is -r_i (x_i ΣH - ΣHx) over the event times in (start_i, stop_i], its own death time replaced
    /// by (x_i - M) - r_i (x_i H' - Hx'). <paramref name="beta"/> in the prepared (scaled) coordinates.
    /// </summary>
    public static double[] ComputeFast(CoxPrepared data, CoxSweepKernel kernel, double[] beta, CoxTies ties)
    {
        var n = data.N;
        var p = data.P;
        // Per stratum, per event time (collected in descending time): t, H, H', Hx (p), Hx' (p), M (p).
        var records = new Dictionary<int, List<double[]>>();
        var mean = new double[p];
        kernel.SweepRiskSets(beta, (stratum, t, denom, sum, deathRisk, deathSum, deaths) =>
        {
            var record = new double[3 + 3 * p];
            record[0] = t;
            var steps = ties == CoxTies.Efron ? deaths : 1;
            var stepWeight = (double)deaths / steps;
            for (var l = 0; l < steps; l++)
            {
                var f = ties == CoxTies.Efron ? (double)l / deaths : 0.0;
                var dl = denom + (1 - f) * deathRisk;
                var h = stepWeight / dl;
                record[1] += h;
                record[2] += (1 - f) * h;
                for (var j = 0; j < p; j++)
                {
                    mean[j] = (sum[j] + (1 - f) * deathSum[j]) / dl;
                    record[3 + j] += h * mean[j];
                    record[3 + p + j] += (1 - f) * h * mean[j];
                    record[3 + 2 * p + j] += stepWeight / deaths * mean[j];
                }
            }
            if (!records.TryGetValue(stratum, out var list))
            {
                list = [];
                records[stratum] = list;
            }
            list.Add(record);
        });

        // Ascending times and cumulative sums: C[k] = sum over the first k event times of (H, Hx).
        var tables = new Dictionary<int, (double[] Times, double[] CumH, double[] CumHx, List<double[]> Records)>();
        foreach (var (stratum, list) in records)
        {
            list.Reverse();
            var m = list.Count;
            var times = new double[m];
            var cumH = new double[m + 1];
            var cumHx = new double[(m + 1) * p];
            for (var k = 0; k < m; k++)
            {
                times[k] = list[k][0];
                cumH[k + 1] = cumH[k] + list[k][1];
                for (var j = 0; j < p; j++)
                {
                    cumHx[(k + 1) * p + j] = cumHx[k * p + j] + list[k][3 + j];
                }
            }
            tables[stratum] = (times, cumH, cumHx, list);
        }

        var resid = new double[(long)n * p];
        for (var i = 0; i < n; i++)
        {
            if (!tables.TryGetValue(data.Strata[i], out var table))
            {
                continue;
            }
            var times = table.Times;
            var first = SortedTimes.CountAtOrBefore(times, data.Start[i]);
            var end = SortedTimes.CountAtOrBefore(times, data.Stop[i]);
            if (end <= first)
            {
                continue;
            }
            var dead = data.Status[i] != 0;
            var genericEnd = dead ? end - 1 : end;
            var r = 0.0;
            for (var j = 0; j < p; j++)
            {
                r += beta[j] * data.X[(long)i * p + j];
            }
            r = Math.Exp(r);
            var h = table.CumH[genericEnd] - table.CumH[first];
            for (var j = 0; j < p; j++)
            {
                var x = data.X[(long)i * p + j];
                var hx = table.CumHx[genericEnd * p + j] - table.CumHx[first * p + j];
                var value = -r * (x * h - hx);
                if (dead)
                {
                    var own = table.Records[end - 1];
                    value += x - own[3 + 2 * p + j] - r * (x * own[2] - own[3 + p + j]);
                }
                resid[(long)i * p + j] = value;
            }
        }
        return resid;
    }
}
