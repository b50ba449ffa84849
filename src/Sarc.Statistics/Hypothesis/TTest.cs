using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>Two-sample t-tests as R <c>t.test</c>: Welch (the default) and Student's pooled-variance test.</summary>
public static class TTest
{
    /// <summary>
    /// Welch's test: SE = √(s²x/nx + s²y/ny), Welch-Satterthwaite df; as R <c>t.test(x, y)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 values in a sample, a NaN, or data that are essentially constant (R stops there too).</exception>
    public static TTestResult Welch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95) =>
        Compute(x, y, equalVariances: false, confidenceLevel);

    /// <summary>Student's test with pooled variance, df = nx + ny - 2; as R <c>t.test(x, y, var.equal = TRUE)</c>.</summary>
    /// <exception cref="ArgumentException">As <see cref="Welch"/>; Student's test accepts one value in a sample when the other has two.</exception>
    public static TTestResult Student(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95) =>
        Compute(x, y, equalVariances: true, confidenceLevel);

    private static TTestResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool equalVariances, double confidenceLevel)
    {
        Preconditions.InOpenRange(confidenceLevel, 0, 1, nameof(confidenceLevel));
        var minimum = equalVariances ? 1 : 2;
        if (x.Length < minimum || y.Length < minimum || x.Length + y.Length < 3)
        {
            throw new ArgumentException("Not enough observations for a t-test.");
        }
        var (meanX, varianceX) = MeanAndVariance(x, nameof(x));
        var (meanY, varianceY) = MeanAndVariance(y, nameof(y));
        double nx = x.Length, ny = y.Length;
        double standardError, df;
        if (equalVariances)
        {
            df = nx + ny - 2;
            var pooled = 0.0;
            if (nx > 1)
            {
                pooled += (nx - 1) * varianceX;
            }
            if (ny > 1)
            {
                pooled += (ny - 1) * varianceY;
            }
            pooled /= df;
            standardError = Math.Sqrt(pooled * (1 / nx + 1 / ny));
        }
        else
        {
            var seX2 = varianceX / nx;
            var seY2 = varianceY / ny;
            standardError = Math.Sqrt(seX2 + seY2);
            df = Math.Pow(standardError, 4) / (seX2 * seX2 / (nx - 1) + seY2 * seY2 / (ny - 1));
        }
        if (standardError < 10 * 2.220446049250313e-16 * Math.Max(Math.Abs(meanX), Math.Abs(meanY)))
        {
            throw new ArgumentException("The data are essentially constant: no t-test.");
        }
        var t = (meanX - meanY) / standardError;
        var p = 2 * Probability.StudentTUpper(Math.Abs(t), df);
        var quantile = Probability.StudentTQuantile(1 - (1 - confidenceLevel) / 2, df);
        return new TTestResult(equalVariances, meanX, meanY, standardError, t, df, p,
            (t - quantile) * standardError, (t + quantile) * standardError, confidenceLevel);
    }

    private static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> values, string name)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("A sample contains NaN; remove missing values first.", name);
            }
            sum += v;
        }
        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        return (mean, values.Length > 1 ? squares / (values.Length - 1) : double.NaN);
    }
}
