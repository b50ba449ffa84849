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
        var groups = Enumerable.Range(0, n)
            .Where(i => data.Status[i] != 0)
            .GroupBy(i => (data.Strata[i], data.Stop[i]));
        var byStratum = Enumerable.Range(0, n).GroupBy(i => data.Strata[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var s1 = new double[p];
        var s1Dead = new double[p];
        var mean = new double[p];
        foreach (var group in groups)
        {
            var (stratum, t) = group.Key;
            var atRisk = byStratum[stratum].Where(i => data.Start[i] < t && t <= data.Stop[i]).ToArray();
            double s0 = 0, s0Dead = 0;
            var deaths = 0;
            Array.Clear(s1);
            Array.Clear(s1Dead);
            foreach (var i in atRisk)
            {
                var isDead = data.Status[i] != 0 && data.Stop[i] == t;
                s0 += risk[i];
                if (isDead)
                {
                    s0Dead += risk[i];
                    deaths++;
                }
                for (var j = 0; j < p; j++)
                {
                    s1[j] += risk[i] * data.X[i * p + j];
                    if (isDead)
                    {
                        s1Dead[j] += risk[i] * data.X[i * p + j];
                    }
                }
            }
            var steps = ties == CoxTies.Efron ? deaths : 1;
            var stepWeight = (double)deaths / steps;
            for (var l = 0; l < steps; l++)
            {
                var f = ties == CoxTies.Efron ? (double)l / deaths : 0.0;
                var denom = s0 - f * s0Dead;
                var hazard = stepWeight / denom;
                for (var j = 0; j < p; j++)
                {
                    mean[j] = (s1[j] - f * s1Dead[j]) / denom;
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
}
