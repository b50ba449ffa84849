namespace Sarc.Statistics.Survival;

/// <summary>
/// R survival's generalized Cholesky routines (cholesky2, chsolve2, chinv2), kept index for index so that singular
/// columns are detected and zeroed exactly where R does.
/// Input: a symmetric p x p matrix (both triangles filled). After <see cref="Decompose"/>, <c>m[j,i]</c> (j &gt; i)
/// holds L and <c>m[i,i]</c> holds D of m = L D L'; a pivot below tolerance x max diagonal is set to 0 (singular).
/// </summary>
internal static class CoxCholesky
{
    /// <summary>Decomposes in place; returns the rank (negated if the matrix is not non-negative definite).</summary>
    public static int Decompose(double[,] m, double tolerance)
    {
        var n = m.GetLength(0);
        var nonNegative = 1;
        var eps = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (m[i, i] > eps)
            {
                eps = m[i, i];
            }
            for (var j = i + 1; j < n; j++)
            {
                m[j, i] = m[i, j];
            }
        }
        eps = eps == 0 ? tolerance : eps * tolerance;
        var rank = 0;
        for (var i = 0; i < n; i++)
        {
            var pivot = m[i, i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                m[i, i] = 0;
                if (pivot < -8 * eps)
                {
                    nonNegative = -1;
                }
            }
            else
            {
                rank++;
                for (var j = i + 1; j < n; j++)
                {
                    var temp = m[j, i] / pivot;
                    m[j, i] = temp;
                    m[j, j] -= temp * temp * pivot;
                    for (var k = j + 1; k < n; k++)
                    {
                        m[k, j] -= temp * m[k, i];
                    }
                }
            }
        }
        return rank * nonNegative;
    }

    /// <summary>Solves m x = y in place in <paramref name="y"/>, m decomposed; singular components come out 0.</summary>
    public static void Solve(double[,] m, double[] y)
    {
        var n = m.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            var temp = y[i];
            for (var j = 0; j < i; j++)
            {
                temp -= y[j] * m[i, j];
            }
            y[i] = temp;
        }
        for (var i = n - 1; i >= 0; i--)
        {
            if (m[i, i] == 0)
            {
                y[i] = 0;
            }
            else
            {
                var temp = y[i] / m[i, i];
                for (var j = i + 1; j < n; j++)
                {
                    temp -= y[j] * m[j, i];
                }
                y[i] = temp;
            }
        }
    }

    /// <summary>Turns a decomposed matrix into the (generalized) inverse, full symmetric; singular rows/columns are 0.</summary>
    public static void Invert(double[,] m)
    {
        var n = m.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            if (m[i, i] > 0)
            {
                m[i, i] = 1 / m[i, i];
                for (var j = i + 1; j < n; j++)
                {
                    m[j, i] = -m[j, i];
                    for (var k = 0; k < i; k++)
                    {
                        m[j, k] += m[j, i] * m[i, k];
                    }
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (m[i, i] == 0)
            {
                for (var j = 0; j < i; j++)
                {
                    m[j, i] = 0;
                }
                for (var j = i; j < n; j++)
                {
                    m[i, j] = 0;
                }
            }
            else
            {
                for (var j = i + 1; j < n; j++)
                {
                    var temp = m[j, i] * m[j, j];
                    m[i, j] = temp;
                    for (var k = i; k < j; k++)
                    {
                        m[i, k] += temp * m[j, k];
                    }
                }
            }
        }
        // The inverse is in the upper triangle; mirror it.
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                m[i, j] = m[j, i];
            }
        }
    }

    /// <summary>x' m⁻¹ x through the generalized Cholesky, as R's <c>coxph.wtest</c>.</summary>
    public static double QuadraticForm(double[,] matrix, double[] x, double tolerance)
    {
        var m = (double[,])matrix.Clone();
        Decompose(m, tolerance);
        var solved = (double[])x.Clone();
        Solve(m, solved);
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * solved[i];
        }
        return sum;
    }
}
