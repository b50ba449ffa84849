namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// The 2 x 2 table [[a, b], [c, d]]: rows exposure yes / no, columns outcome yes / no. R's
/// <c>matrix(c(a, b, c, d), 2, byrow = TRUE)</c>.
/// </summary>
public readonly record struct TwoByTwoTable
{
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public TwoByTwoTable(int a, int b, int c, int d)
    {
        Preconditions.NonNegative(a, nameof(a));
        Preconditions.NonNegative(b, nameof(b));
        Preconditions.NonNegative(c, nameof(c));
        Preconditions.NonNegative(d, nameof(d));
        A = a;
        B = b;
        C = c;
        D = d;
    }

    /// <summary>Exposed with the outcome.</summary>
    public int A { get; }

    /// <summary>Exposed without the outcome.</summary>
    public int B { get; }

    /// <summary>Not exposed, with the outcome.</summary>
    public int C { get; }

    /// <summary>Not exposed, without the outcome.</summary>
    public int D { get; }

    /// <summary>a + b + c + d.</summary>
    public int Total => checked(A + B + C + D);

    /// <summary>The table as a 2 x 2 array, for the r x c tests.</summary>
    public int[,] ToArray() => new[,] { { A, B }, { C, D } };
}
