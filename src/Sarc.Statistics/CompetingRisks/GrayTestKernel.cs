using Sarc.Statistics.Survival;
namespace Sarc.Statistics.CompetingRisks;

/// <summary>Gray's K-sample test for one cause (cmprsk's Fortran crst, one stratum).</summary>
internal static class GrayTestKernel
{
    // Kernel header.
    // Inputs: time ascending (ties adjacent); mark[i] = 0 censored, 1 the cause tested, 2 another cause;
    //   group[i] in 0..G-1 with every group present; rho = power of the weight (1 - F(t-))^rho.
    // Output: the score s (first G-1 groups) and its variance V, combined into s' V⁻¹ s; NaN when V is singular.
    // Every quantity below is named as in crst so the port can be checked line by line: skmm/skm are each group's
    // left/right-continuous Kaplan-Meier of any failure, f1m/f1 its left/right-continuous cumulative incidence.
    public static double Statistic(double[] time, int[] mark, int[] group, int g, double rho)
    {
        var (score, variance) = ScoreAndVariance(time, mark, group, g, rho);
        // R: a QR rank check at tolerance 1e-7 before solve(); a singular variance gives no statistic.
        return SmallLinearSystem.QuadraticForm(variance, score, 1e-7);
    }

    public static (double[] Score, double[,] Variance) ScoreAndVariance(double[] time, int[] mark, int[] group, int ng, double rho)
    {
        var n = time.Length;
        var ng1 = ng - 1;
        var rs = new int[ng];
        for (var i = 0; i < n; i++)
        {
            rs[group[i]]++;
        }
        var s = new double[ng1];
        var v = new double[ng1, ng1];
        var f1m = new double[ng];
        var f1 = new double[ng];
        var skmm = new double[ng];
        var skm = new double[ng];
        var v3 = new double[ng];
        var v2 = new double[ng1, ng];
        var c = new double[ng, ng];
        var a = new double[ng, ng];
        var d = new int[3, ng];
        Array.Fill(skmm, 1.0);
        Array.Fill(skm, 1.0);
        double fm = 0, f = 0;
        var ll = 0;
        while (ll < n)
        {
            var lu = ll + 1;
            while (lu < n && time[lu] == time[ll])
            {
                lu++;
            }
            Array.Clear(d);
            for (var i = ll; i < lu; i++)
            {
                d[mark[i], group[i]]++;
            }
            int nd1 = 0, nd2 = 0;
            for (var i = 0; i < ng; i++)
            {
                nd1 += d[1, i];
                nd2 += d[2, i];
            }
            if (nd1 != 0 || nd2 != 0)
            {
                double tr = 0, tq = 0;
                for (var i = 0; i < ng; i++)
                {
                    if (rs[i] <= 0)
                    {
                        continue;
                    }
                    double td = d[1, i] + d[2, i];
                    skm[i] = skmm[i] * (rs[i] - td) / rs[i];
                    f1[i] = f1m[i] + skmm[i] * d[1, i] / rs[i];
                    tr += rs[i] / skmm[i];
                    tq += rs[i] * (1 - f1m[i]) / skmm[i];
                }
                f = fm + nd1 / tr;
                var fb = Math.Pow(1 - fm, rho);
                for (var i = 0; i < ng; i++)
                {
                    for (var j = i; j < ng; j++)
                    {
                        a[i, j] = 0;
                    }
                    if (rs[i] <= 0)
                    {
                        continue;
                    }
                    var t1 = rs[i] / skmm[i];
                    a[i, i] = fb * t1 * (1 - t1 / tr);
                    if (a[i, i] != 0)
                    {
                        c[i, i] += a[i, i] * nd1 / (tr * (1 - fm));
                    }
                    for (var j = i + 1; j < ng; j++)
                    {
                        if (rs[j] <= 0)
                        {
                            continue;
                        }
                        a[i, j] = -fb * t1 * rs[j] / (skmm[j] * tr);
                        if (a[i, j] != 0)
                        {
                            c[i, j] += a[i, j] * nd1 / (tr * (1 - fm));
                        }
                    }
                }
                for (var i = 1; i < ng; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        a[i, j] = a[j, i];
                        c[i, j] = c[j, i];
                    }
                }
                for (var i = 0; i < ng1; i++)
                {
                    if (rs[i] > 0)
                    {
                        s[i] += fb * (d[1, i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq));
                    }
                }
                if (nd1 > 0)
                {
                    for (var k = 0; k < ng; k++)
                    {
                        if (rs[k] <= 0)
                        {
                            continue;
                        }
                        double t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1;
                        double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1;
                        var t3 = t5 * skmm[k] * nd1 / (tr * rs[k]);
                        v3[k] += t4 * t4 * t3;
                        for (var i = 0; i < ng1; i++)
                        {
                            var t1 = a[i, k] - t4 * c[i, k];
                            v2[i, k] += t1 * t4 * t3;
                            for (var j = 0; j <= i; j++)
                            {
                                var t2 = a[j, k] - t4 * c[j, k];
                                v[i, j] += t1 * t2 * t3;
                            }
                        }
                    }
                }
                if (nd2 != 0)
                {
                    for (var k = 0; k < ng; k++)
                    {
                        if (skm[k] <= 0 || d[2, k] <= 0)
                        {
                            continue;
                        }
                        var t4 = (1 - f) / skm[k];
                        double t5 = d[2, k] > 1 ? 1 - (d[2, k] - 1.0) / (rs[k] - 1.0) : 1;
                        double t6 = rs[k];
                        var t3 = t5 * (skmm[k] * skmm[k] * d[2, k]) / (t6 * t6);
                        v3[k] += t4 * t4 * t3;
                        for (var i = 0; i < ng1; i++)
                        {
                            var t1 = t4 * c[i, k];
                            v2[i, k] -= t1 * t4 * t3;
                            for (var j = 0; j <= i; j++)
                            {
                                var t2 = t4 * c[j, k];
                                v[i, j] += t1 * t2 * t3;
                            }
                        }
                    }
                }
            }
            if (lu >= n)
            {
                break;
            }
            for (var i = ll; i < lu; i++)
            {
                rs[group[i]]--;
            }
            fm = f;
            for (var i = 0; i < ng; i++)
            {
                f1m[i] = f1[i];
                skmm[i] = skm[i];
            }
            ll = lu;
        }
        for (var i = 0; i < ng1; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                for (var k = 0; k < ng; k++)
                {
                    v[i, j] += c[i, k] * c[j, k] * v3[k];
                    v[i, j] += c[i, k] * v2[j, k];
                    v[i, j] += c[j, k] * v2[i, k];
                }
                v[j, i] = v[i, j];
            }
        }
        return (s, v);
    }
}
