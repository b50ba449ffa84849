namespace Sarc.Statistics.Survival;

/// <summary>
/// The one general solver of small dense systems in the statistics: LU with partial pivoting, as R's <c>solve()</c>
/// (LAPACK dgesv). Used wherever R calls <c>solve()</c> or a QR rank check on a score test or a Newton step (log-rank,
/// cox.zph, Gray's test, Fine-Gray). Cox's own information matrix goes through <see cref="CoxCholesky"/> instead, as
/// R's coxph does. Inputs are never changed.
/// </summary>
internal static class SmallLinearSystem
{
    /// <summary>
    /// x with A x = b, or null when A is singular: a pivot at or below <paramref name="singularTolerance"/> times the
    /// largest |A[i, j]| (0 = only an exactly zero pivot, where R stops with "system is exactly singular").
    /// </summary>
    public static double[]? Solve(double[,] a, double[] b, double singularTolerance = 0)
    {
        var n = b.Length;
        var lu = (double[,])a.Clone();
        var x = (double[])b.Clone();
        var scale = 0.0;
        foreach (var v in lu)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var r = column + 1; r < n; r++)
            {
                if (Math.Abs(lu[r, column]) > Math.Abs(lu[pivot, column]))
                {
                    pivot = r;
                }
            }
            if (!(Math.Abs(lu[pivot, column]) > singularTolerance * scale))
            {
                return null;
            }
            if (pivot != column)
            {
                for (var c = 0; c < n; c++)
                {
                    (lu[pivot, c], lu[column, c]) = (lu[column, c], lu[pivot, c]);
                }
                (x[pivot], x[column]) = (x[column], x[pivot]);
            }
            for (var r = column + 1; r < n; r++)
            {
                var factor = lu[r, column] / lu[column, column];
                lu[r, column] = factor;
                for (var c = column + 1; c < n; c++)
                {
                    lu[r, c] -= factor * lu[column, c];
                }
                x[r] -= factor * x[column];
            }
        }
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = x[r];
            for (var c = r + 1; c < n; c++)
            {
                sum -= lu[r, c] * x[c];
            }
            x[r] = sum / lu[r, r];
        }
        return x;
    }

    /// <summary>u' A⁻¹ u (a score or Wald statistic), NaN when A is singular in the sense of <see cref="Solve"/>.</summary>
    public static double QuadraticForm(double[,] a, double[] u, double singularTolerance = 0)
    {
        if (Solve(a, u, singularTolerance) is not { } x)
        {
            return double.NaN;
        }
        var sum = 0.0;
        for (var i = 0; i < u.Length; i++)
        {
            sum += u[i] * x[i];
        }
        return sum;
    }

    /// <summary>A⁻¹ column by column, every entry NaN when A is exactly singular.</summary>
    public static double[,] Invert(double[,] a)
    {
        var n = a.GetLength(0);
        var inverse = new double[n, n];
        var unit = new double[n];
        for (var column = 0; column < n; column++)
        {
            Array.Clear(unit);
            unit[column] = 1;
            var x = Solve(a, unit);
            for (var r = 0; r < n; r++)
            {
                inverse[r, column] = x?[r] ?? double.NaN;
            }
        }
        return inverse;
    }
}
