namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// R's <c>uniroot</c>: Brent's root finder exactly as R's <c>R_zeroin2</c> (src/library/stats/src/zeroin.c) with
/// uniroot's defaults, tol = .Machine$double.eps^0.25 and maxiter = 1000. R's fisher.test reports the root of this
/// search, which is only within about 1e-4 of the true root; taking the same steps is what makes our conditional
/// odds ratio and its limits equal R's to 1e-6 instead of merely being closer to the exact value.
/// </summary>
internal static class Zeroin
{
    /// <summary>uniroot's default tolerance, .Machine$double.eps^0.25.</summary>
    public static readonly double DefaultTolerance = Math.Pow(MachineEpsilon, 0.25);

    private const double MachineEpsilon = 2.220446049250313e-16;
    private const int DefaultMaxIterations = 1000;

    /// <summary>
    /// Kernel. Inputs: f, the bracket [lower, upper] with lower &lt; upper and f(lower), f(upper) of opposite sign or
    /// zero. Output: the last iterate b of Brent's method (not a refinement of it), as uniroot's <c>$root</c>.
    /// Non-finite f values are replaced by ±DBL_MAX, as R's <c>fcn2</c> wrapper does.
    /// </summary>
    public static double Root(Func<double, double> f, double lower, double upper)
    {
        var fa = Finite(f(lower));
        var fb = Finite(f(upper));
        return Root(f, lower, upper, fa, fb, DefaultTolerance, DefaultMaxIterations);
    }

    private static double Root(Func<double, double> f, double ax, double bx, double fa, double fb, double tol, int maxIterations)
    {
        double a = ax, b = bx;
        double c = a, fc = fa;
        if (fa == 0)
        {
            return a;
        }
        if (fb == 0)
        {
            return b;
        }
        var remaining = maxIterations + 1;
        while (remaining-- > 0)
        {
            var previousStep = b - a;
            if (Math.Abs(fc) < Math.Abs(fb))
            {
                a = b; b = c; c = a;
                fa = fb; fb = fc; fc = fa;
            }
            var toleranceActual = 2 * MachineEpsilon * Math.Abs(b) + tol / 2;
            var newStep = (c - b) / 2;
            if (Math.Abs(newStep) <= toleranceActual || fb == 0)
            {
                return b;
            }
            if (Math.Abs(previousStep) >= toleranceActual && Math.Abs(fa) > Math.Abs(fb))
            {
                double p, q;
                var cb = c - b;
                if (a == c)
                {
                    var t1 = fb / fa;
                    p = cb * t1;
                    q = 1.0 - t1;
                }
                else
                {
                    q = fa / fc;
                    var t1 = fb / fc;
                    var t2 = fb / fa;
                    p = t2 * (cb * q * (q - t1) - (b - a) * (t1 - 1.0));
                    q = (q - 1.0) * (t1 - 1.0) * (t2 - 1.0);
                }
                if (p > 0)
                {
                    q = -q;
                }
                else
                {
                    p = -p;
                }
                if (p < (0.75 * cb * q - Math.Abs(toleranceActual * q) / 2) && p < Math.Abs(previousStep * q / 2))
                {
                    newStep = p / q;
                }
            }
            if (Math.Abs(newStep) < toleranceActual)
            {
                newStep = newStep > 0 ? toleranceActual : -toleranceActual;
            }
            a = b;
            fa = fb;
            b += newStep;
            fb = Finite(f(b));
            if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0))
            {
                c = a;
                fc = fa;
            }
        }
        return b;
    }

    private static double Finite(double value) => double.IsFinite(value)
        ? value
        : double.IsNegativeInfinity(value) ? -double.MaxValue : double.MaxValue;
}
