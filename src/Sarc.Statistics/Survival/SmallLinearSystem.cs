namespace Sarc.Statistics.Survival;

/// <summary>Solves a small dense system A x = b by LU with partial pivoting, as R's <c>solve()</c> (LAPACK dgesv).</summary>
internal static class SmallLinearSystem
{
    /// <summary>x, or null when A is exactly singular (where R stops with "system is exactly singular").</summary>
    public static double[]? Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var lu = (double[,])a.Clone();
        var x = (double[])b.Clone();
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
            if (lu[pivot, column] == 0)
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
}
