namespace Sarc.Statistics.Survival;

/// <summary>
/// The risk-set sums at one event time that the plain (per event time) scans of <see cref="CoxScoreResiduals"/> and
/// <see cref="CoxZph"/> start from: S0 = Σ r_i and S1 = Σ r_i x_i over the rows at risk, the same sums over the rows
/// that die at the time (S0dead, S1dead) and the number of deaths d. Efron's step l of d has f = l/d, denominator
/// S0 - f S0dead and mean (S1 - f S1dead) / denominator (Breslow: one step with f = 0).
/// </summary>
internal sealed class CoxEventSums(int p)
{
    /// <summary>The rows that die, grouped by event time within stratum (key: stratum, stop time), in row order.</summary>
    public static IEnumerable<IGrouping<(int Stratum, double Time), int>> EventTimes(CoxPrepared data) =>
        Enumerable.Range(0, data.N)
            .Where(i => data.Status[i] != 0)
            .GroupBy(i => (data.Strata[i], data.Stop[i]));

    /// <summary>Every row's index by stratum, in row order: the rows a scan checks for being at risk.</summary>
    public static Dictionary<int, int[]> RowsByStratum(CoxPrepared data) =>
        Enumerable.Range(0, data.N).GroupBy(i => data.Strata[i]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Σ r_i over the rows at risk.</summary>
    public double S0 { get; private set; }

    /// <summary>Σ r_i over the rows that die at the time.</summary>
    public double S0Dead { get; private set; }

    /// <summary>The number of deaths at the time.</summary>
    public int Deaths { get; private set; }

    /// <summary>Σ r_i x_i over the rows at risk (length p).</summary>
    public double[] S1 { get; } = new double[p];

    /// <summary>Σ r_i x_i over the rows that die at the time (length p).</summary>
    public double[] S1Dead { get; } = new double[p];

    /// <summary>Starts the sums of a new event time.</summary>
    public void Clear()
    {
        S0 = 0;
        S0Dead = 0;
        Deaths = 0;
        Array.Clear(S1);
        Array.Clear(S1Dead);
    }

    /// <summary>Adds a row at risk with risk score <paramref name="risk"/> and covariates <paramref name="x"/> (length p).</summary>
    public void Add(double risk, bool dead, ReadOnlySpan<double> x)
    {
        S0 += risk;
        if (dead)
        {
            S0Dead += risk;
            Deaths++;
        }
        for (var j = 0; j < S1.Length; j++)
        {
            S1[j] += risk * x[j];
            if (dead)
            {
                S1Dead[j] += risk * x[j];
            }
        }
    }

    /// <summary>The tie steps at the time: d for Efron, one (of weight d) for Breslow.</summary>
    public int Steps(CoxTies ties) => ties == CoxTies.Efron ? Deaths : 1;

    /// <summary>The fraction f of the deaths' risk taken out at tie step <paramref name="step"/>: step / d for Efron, 0 for Breslow.</summary>
    public double Fraction(CoxTies ties, int step) => ties == CoxTies.Efron ? (double)step / Deaths : 0.0;

    /// <summary>The denominator S0 - f S0dead of the tie step with fraction <paramref name="f"/>.</summary>
    public double Denominator(double f) => S0 - f * S0Dead;

    /// <summary>Covariate <paramref name="j"/>'s weighted mean at the tie step with fraction <paramref name="f"/>.</summary>
    public double Mean(int j, double f, double denominator) => (S1[j] - f * S1Dead[j]) / denominator;
}
