namespace Sarc.Statistics.Prediction;

/// <summary>
/// Restricted (natural) cubic splines in Harrell's parametrisation, exactly as <c>rms::rcs</c>, which calls
/// <c>Hmisc::rcspline.eval(x, knots, nk, inclx = TRUE, norm = 2)</c>: with k knots t₁ &lt; … &lt; t_k the basis
/// has k − 1 columns, x itself and, for j = 1 … k − 2,
/// <c>(x − t_j)₊³ + ((t_{k−1} − t_j)(x − t_k)₊³ − (t_k − t_j)(x − t_{k−1})₊³) / (t_k − t_{k−1})</c>, every
/// <c>(·)₊</c> divided by <c>(t_k − t₁)^{2/3}</c> first (R's <c>norm = 2</c>), so the function is linear beyond the
/// outer knots. Default knots are Harrell's quantiles (docs/methods/prediction.md).
/// </summary>
public static class RestrictedCubicSpline
{
    /// <summary>rms's default number of knots (<c>rcs(x)</c> without a count).</summary>
    public const int DefaultKnotCount = 5;

    /// <summary>R's <c>fractied</c>: a minimum or maximum holding at least this share of the values gets its own knot rule.</summary>
    public const double FractionTied = 0.05;

    /// <summary>Number of basis columns for <paramref name="knotCount"/> knots: x and k − 2 non-linear terms.</summary>
    public static int BasisSize(int knotCount) => knotCount - 1;

    /// <summary>
    /// Harrell's default knots for <paramref name="count"/> knots over the non-missing <paramref name="values"/> (NaN =
    /// missing), as <c>rcspline.eval(x, nk = count, knots.only = TRUE)</c>: quantiles from the 5th to the 95th
    /// percentile (10th–90th for 3 knots, 2.5th–97.5th for more than 6), the outer knots at the 5th smallest and
    /// largest value below 100 values; a minimum or maximum held by at least 5 % of the values moves its knot to the
    /// next distinct value; with few distinct values the interior distinct values themselves, with R's warning.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> &lt; 1.</exception>
    public static KnotPlacement DefaultKnots(ReadOnlySpan<double> values, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be >= 1.");
        }
        var xx = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                xx.Add(v);
            }
        }
        var n = xx.Count;
        if (n < 6)
        {
            return KnotPlacement.Failed("knots not specified, and < 6 non-missing observations");
        }
        if (count < 3)
        {
            return KnotPlacement.Failed("nk must be >= 3");
        }
        xx.Sort();
        var unique = Distinct(xx);
        var nxu = unique.Length;
        string? warning = null;
        List<double> knots;
        if (nxu - 2 <= count)
        {
            warning = $"{count} knots requested with {nxu} unique values of x.  knots set to {nxu - 2} interior values.";
            knots = unique[1..^1].ToList();
        }
        else
        {
            var outer = count > 3 ? 0.05 : 0.1;
            if (count > 6)
            {
                outer = 0.025;
            }
            var nke = count;
            double? firstKnot = null, lastKnot = null;
            bool overrideFirst = false, overrideLast = false;
            var frequency = Frequencies(xx, unique);
            var interiorMax = 0.0;
            for (var i = 1; i < frequency.Length - 1; i++)
            {
                interiorMax = Math.Max(interiorMax, frequency[i]);
            }
            if (interiorMax < FractionTied)
            {
                if (frequency[0] >= FractionTied)
                {
                    var first = unique[1];
                    firstKnot = first;
                    xx = xx.Where(v => v > first).ToList();
                    nke--;
                    overrideFirst = true;
                }
                if (frequency[^1] >= FractionTied)
                {
                    var max = xx.Count == 0 ? double.NaN : xx[^1];
                    var last = xx.Where(v => v < max).DefaultIfEmpty(double.NaN).Max();
                    lastKnot = last;
                    xx = xx.Where(v => v < last).ToList();
                    nke--;
                    overrideLast = true;
                }
            }
            if (nke == 1)
            {
                knots = [Quantile7(xx, 0.5)];
            }
            else
            {
                if (nxu <= nke)
                {
                    knots = unique.ToList();
                }
                else
                {
                    var p = nke == 2 ? Sequence(0.5, 1 - outer, nke) : Sequence(outer, 1 - outer, nke);
                    knots = p.Select(q => Quantile7(xx, q)).ToList();
                    if (knots.Distinct().Count() < Math.Min(nke, 3))
                    {
                        knots = Sequence(outer, 1 - outer, 2 * nke).Select(q => Quantile7(xx, q)).ToList();
                        if (firstKnot is { } f && knots.Distinct().Count() < 3)
                        {
                            var middle = lastKnot is { } l ? (f + l) / 2 : Quantile7(xx, 0.5);
                            knots = [f, middle, lastKnot ?? Quantile7(xx, 1 - outer)];
                            knots.Sort();
                        }
                        var distinct = knots.Distinct().Count();
                        if (distinct < 3)
                        {
                            return KnotPlacement.Failed("fewer than 3 unique knots");
                        }
                        warning = $"could not obtain {nke} interior knots with default algorithm. Used alternate algorithm to obtain {distinct} knots";
                    }
                }
                if (xx.Count < 100)
                {
                    // R grows the vector (with NA between) when it assigns past its end.
                    while (knots.Count < nke)
                    {
                        knots.Add(double.NaN);
                    }
                    // xx is sorted; R's xx[5] and xx[length(xx) - 4] (NA, then dropped by sort, when too short).
                    if (!overrideFirst)
                    {
                        knots[0] = xx.Count >= 5 ? xx[4] : double.NaN;
                    }
                    if (!overrideLast)
                    {
                        knots[nke - 1] = xx.Count >= 5 ? xx[^5] : double.NaN;
                    }
                }
            }
            if (firstKnot is { } first2)
            {
                knots.Insert(0, first2);
            }
            if (lastKnot is { } last2)
            {
                knots.Add(last2);
            }
        }
        return Finish(knots, warning);
    }

    /// <summary>Knots given by the user (<c>rcs(x, c(k1, k2, k3))</c>): sorted, duplicates dropped, at least 3 distinct.</summary>
    public static KnotPlacement GivenKnots(ReadOnlySpan<double> knots) => Finish(knots.ToArray().ToList(), null);

    /// <summary>
    /// The basis at <paramref name="x"/> into <paramref name="basis"/> (length k − 1): R's
    /// <c>rcspline.eval(x, knots, inclx = TRUE)</c> row.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 3 knots, or <paramref name="basis"/> not of length k − 1.</exception>
    public static void Basis(double x, ReadOnlySpan<double> knots, Span<double> basis)
    {
        var k = knots.Length;
        if (k < 3)
        {
            throw new ArgumentException("A restricted cubic spline needs at least 3 knots.", nameof(knots));
        }
        Preconditions.SameLength(k - 1, basis.Length, nameof(basis));
        var first = knots[0];
        var last = knots[k - 1];
        var penultimate = knots[k - 2];
        var kd = Math.Pow(last - first, 2.0 / 3.0);
        basis[0] = x;
        var tailLast = Cube(Math.Max((x - last) / kd, 0));
        var tailPenultimate = Cube(Math.Max((x - penultimate) / kd, 0));
        for (var j = 0; j < k - 2; j++)
        {
            var t = knots[j];
            basis[j + 1] = Cube(Math.Max((x - t) / kd, 0))
                + ((penultimate - t) * tailLast - (last - t) * tailPenultimate) / (last - penultimate);
        }
    }

    /// <summary>R's <c>quantile(x, p, type = 7)</c> of ascending <paramref name="sorted"/>, computed as R does.</summary>
    internal static double Quantile7(IReadOnlyList<double> sorted, double p)
    {
        var n = sorted.Count;
        if (n == 0)
        {
            return double.NaN;
        }
        var index = 1 + Math.Max(n - 1, 0) * p;
        var lo = (int)Math.Floor(index);
        var hi = (int)Math.Ceiling(index);
        var q = sorted[lo - 1];
        if (index > lo && sorted[hi - 1] != q)
        {
            var h = index - lo;
            q = (1 - h) * q + h * sorted[hi - 1];
        }
        return q;
    }

    /// <summary>R's <c>seq(from, to, length.out = count)</c> for fractions: both ends exact, <c>from + i (to - from) / (count - 1)</c> inside.</summary>
    internal static double[] Sequence(double from, double to, int count)
    {
        if (count == 1)
        {
            return [from];
        }
        var values = new double[count];
        values[0] = from;
        values[^1] = to;
        var step = (to - from) / (count - 1);
        for (var i = 1; i < count - 1; i++)
        {
            values[i] = from + i * step;
        }
        return values;
    }

    private static double Cube(double v) => Math.Pow(v, 3);

    private static KnotPlacement Finish(List<double> knots, string? warning)
    {
        // R: knots <- sort(unique(knots)); sort() drops NA.
        var result = knots.Where(k => !double.IsNaN(k)).Distinct().Order().ToArray();
        return result.Length < 3
            ? KnotPlacement.Failed("fewer than 3 unique knots")
            : new KnotPlacement(result, warning, null);
    }

    private static double[] Distinct(List<double> sorted)
    {
        var unique = new List<double>();
        foreach (var v in sorted)
        {
            if (unique.Count == 0 || unique[^1] != v)
            {
                unique.Add(v);
            }
        }
        return [.. unique];
    }

    /// <summary>R's <c>table(xx) / n</c>: the share of the values at each distinct value, ascending.</summary>
    private static double[] Frequencies(List<double> sorted, double[] unique)
    {
        var counts = new double[unique.Length];
        var u = 0;
        foreach (var v in sorted)
        {
            while (unique[u] != v)
            {
                u++;
            }
            counts[u]++;
        }
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] /= sorted.Count;
        }
        return counts;
    }
}
