namespace Sarc.Statistics.Survival;

/// <summary>
/// Cox data made ready for the kernels, once per fit: times after <see cref="CoxTimeFix"/>, covariates centred at
/// their means and scaled by n / sum|x - mean| (R's coxfit6 does the same, which keeps the Newton steps well
/// conditioned), stored row-major (<c>X[i * P + j]</c>) in input row order. Start is -infinity for right-censored data.
/// </summary>
internal sealed class CoxPrepared
{
    public CoxPrepared(CoxData data, bool timeFix)
    {
        N = data.RowCount;
        P = data.CovariateCount;
        var (start, stop) = timeFix ? CoxTimeFix.Apply(data.Start, data.Stop) : (data.Start, data.Stop);
        CountingProcess = start is not null;
        Stop = stop;
        if (start is null)
        {
            start = new double[N];
            Array.Fill(start, double.NegativeInfinity);
        }
        Start = start;
        Status = data.Status;
        Strata = data.Strata ?? new int[N];
        Means = new double[P];
        Scale = new double[P];
        X = new double[(long)N * P];
        for (var j = 0; j < P; j++)
        {
            var column = data.Covariates[j];
            var sum = 0.0;
            for (var i = 0; i < N; i++)
            {
                sum += column[i];
            }
            var mean = sum / N;
            var absolute = 0.0;
            for (var i = 0; i < N; i++)
            {
                absolute += Math.Abs(column[i] - mean);
            }
            var scale = absolute > 0 ? N / absolute : 1.0;
            Means[j] = mean;
            Scale[j] = scale;
            for (var i = 0; i < N; i++)
            {
                X[(long)i * P + j] = (column[i] - mean) * scale;
            }
        }
    }

    public int N { get; }

    public int P { get; }

    public bool CountingProcess { get; }

    public double[] Start { get; }

    public double[] Stop { get; }

    public double[] Status { get; }

    public int[] Strata { get; }

    public double[] Means { get; }

    public double[] Scale { get; }

    /// <summary>Centred, scaled covariates, row-major.</summary>
    public double[] X { get; }
}
