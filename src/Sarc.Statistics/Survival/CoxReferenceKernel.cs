namespace Sarc.Statistics.Survival;

/// <summary>
/// The plain Cox kernel, the test oracle for <see cref="CoxSweepKernel"/>: for each stratum and each distinct event
/// time t it scans every row to build the risk set {start &lt; t &lt;= stop} and applies the Efron or Breslow
/// formulas of docs/methods/cox.md literally. Inputs: <see cref="CoxPrepared"/> in any row order. O(n x D x p²).
/// </summary>
internal sealed class CoxReferenceKernel : ICoxKernel
{
    private readonly CoxPrepared data;
    private readonly CoxTies ties;
    private readonly (int Stratum, double Time)[] eventTimes;

    public CoxReferenceKernel(CoxPrepared data, CoxTies ties)
    {
        this.data = data;
        this.ties = ties;
        eventTimes = Enumerable.Range(0, data.N)
            .Where(i => data.Status[i] != 0)
            .Select(i => (data.Strata[i], data.Stop[i]))
            .Distinct()
            .ToArray();
    }

    public double Evaluate(double[] beta, double[] score, double[,] information)
    {
        var p = data.P;
        var eta = new double[data.N];
        for (var i = 0; i < data.N; i++)
        {
            for (var j = 0; j < p; j++)
            {
                eta[i] += beta[j] * data.X[i * p + j];
            }
        }
        Array.Clear(score);
        Array.Clear(information);
        var loglik = 0.0;
        var s1 = new double[p];
        var s1Dead = new double[p];
        var s2 = new double[p, p];
        var s2Dead = new double[p, p];
        foreach (var (stratum, t) in eventTimes)
        {
            double s0 = 0, s0Dead = 0;
            var deaths = 0;
            Array.Clear(s1);
            Array.Clear(s1Dead);
            Array.Clear(s2);
            Array.Clear(s2Dead);
            for (var i = 0; i < data.N; i++)
            {
                if (data.Strata[i] != stratum || !(data.Start[i] < t && t <= data.Stop[i]))
                {
                    continue;
                }
                var risk = Math.Exp(eta[i]);
                var dead = data.Status[i] != 0 && data.Stop[i] == t;
                s0 += risk;
                if (dead)
                {
                    deaths++;
                    s0Dead += risk;
                    loglik += eta[i];
                }
                for (var j = 0; j < p; j++)
                {
                    var xj = data.X[i * p + j];
                    s1[j] += risk * xj;
                    if (dead)
                    {
                        s1Dead[j] += risk * xj;
                        score[j] += xj;
                    }
                    for (var k = 0; k < p; k++)
                    {
                        var xk = data.X[i * p + k];
                        s2[j, k] += risk * xj * xk;
                        if (dead)
                        {
                            s2Dead[j, k] += risk * xj * xk;
                        }
                    }
                }
            }
            // Efron: the l-th of d tied deaths sees the risk set with l/d of each death's weight removed.
            var steps = ties == CoxTies.Efron ? deaths : 1;
            var weight = (double)deaths / steps;
            for (var l = 0; l < steps; l++)
            {
                var f = ties == CoxTies.Efron ? (double)l / deaths : 0.0;
                var denom = s0 - f * s0Dead;
                loglik -= weight * Math.Log(denom);
                for (var j = 0; j < p; j++)
                {
                    var meanJ = (s1[j] - f * s1Dead[j]) / denom;
                    score[j] -= weight * meanJ;
                    for (var k = 0; k < p; k++)
                    {
                        var meanK = (s1[k] - f * s1Dead[k]) / denom;
                        information[j, k] += weight * ((s2[j, k] - f * s2Dead[j, k]) / denom - meanJ * meanK);
                    }
                }
            }
        }
        return loglik;
    }
}
