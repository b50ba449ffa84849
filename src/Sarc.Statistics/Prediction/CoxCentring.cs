namespace Sarc.Statistics.Prediction;

/// <summary>
/// The centring of a Cox model's linear predictor, as R's <c>coxph</c> stores it in <c>fit$means</c> (survival ≥ 3,
/// <c>nocenter = c(-1, 0, 1)</c>): each design column's mean, except that a column whose values are all −1, 0 or 1
/// (a factor's indicator, a 0/1 covariate) is not centred (mean 0). R's linear predictor is xβ − Σ means·β, and
/// <c>survfit(fit)</c> is the survival at those means.
/// </summary>
public static class CoxCentring
{
    /// <summary>The means R uses, one per design column (<c>columns[j][i]</c> = column j of row i).</summary>
    public static double[] Means(IReadOnlyList<double[]> columns)
    {
        var means = new double[columns.Count];
        for (var j = 0; j < means.Length; j++)
        {
            var column = columns[j];
            var sum = 0.0;
            var indicator = true;
            foreach (var v in column)
            {
                sum += v;
                indicator &= v is -1 or 0 or 1;
            }
            means[j] = indicator || column.Length == 0 ? 0 : sum / column.Length;
        }
        return means;
    }

    /// <summary>xβ − <paramref name="centre"/> for each row of the design (<c>columns[j][i]</c> = column j of row i).</summary>
    public static double[] LinearPredictor(IReadOnlyList<double[]> columns, IReadOnlyList<double> beta, double centre = 0)
    {
        var n = columns.Count == 0 ? 0 : columns[0].Length;
        var lp = new double[n];
        for (var j = 0; j < columns.Count; j++)
        {
            var column = columns[j];
            var b = beta[j];
            for (var i = 0; i < n; i++)
            {
                lp[i] += column[i] * b;
            }
        }
        if (centre != 0)
        {
            for (var i = 0; i < n; i++)
            {
                lp[i] -= centre;
            }
        }
        return lp;
    }

    /// <summary>Σ means·β: what R subtracts from xβ.</summary>
    public static double Centre(IReadOnlyList<double> means, IReadOnlyList<double> beta)
    {
        var centre = 0.0;
        for (var j = 0; j < means.Count; j++)
        {
            centre += means[j] * beta[j];
        }
        return centre;
    }
}
