namespace Sarc.Statistics.Radiotherapy;

/// <summary>
/// The linear-quadratic model's biologically effective dose (BED) and 2-Gy equivalent dose (EQD2) of a course of
/// <c>n</c> equal fractions: BED = D (1 + d / (α/β)), EQD2 = BED / (1 + 2 / (α/β)), with d = D / n.
/// Doses in Gy; α/β in Gy (about 4 Gy for soft-tissue sarcoma, <see cref="SarcomaAlphaBeta"/>).
/// </summary>
public static class Fractionation
{
    /// <summary>The α/β ratio used for sarcoma unless a study says otherwise (Gy).</summary>
    public const double SarcomaAlphaBeta = 4.0;

    /// <summary>BED in Gy of <paramref name="totalDose"/> Gy in <paramref name="fractions"/> fractions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dose or α/β that is not &gt; 0, or fewer than one fraction.</exception>
    public static double BiologicallyEffectiveDose(double totalDose, int fractions, double alphaBeta = SarcomaAlphaBeta)
    {
        Preconditions.Positive(totalDose, nameof(totalDose));
        Preconditions.Positive(fractions, nameof(fractions));
        Preconditions.Positive(alphaBeta, nameof(alphaBeta));
        var dosePerFraction = totalDose / fractions;
        return totalDose * (1 + dosePerFraction / alphaBeta);
    }

    /// <summary>EQD2 in Gy: the dose in 2-Gy fractions with the same BED.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="BiologicallyEffectiveDose"/>.</exception>
    public static double EquivalentDoseIn2GyFractions(double totalDose, int fractions, double alphaBeta = SarcomaAlphaBeta) =>
        BiologicallyEffectiveDose(totalDose, fractions, alphaBeta) / (1 + 2 / alphaBeta);
}
