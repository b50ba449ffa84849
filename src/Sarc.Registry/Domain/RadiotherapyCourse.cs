using Sarc.Statistics.Radiotherapy;

namespace Sarc.Registry.Domain;

/// <summary>
/// One course of external-beam radiotherapy: <paramref name="DoseGy"/> total Gy (&gt; 0) in <paramref name="Fractions"/>
/// (≥ 1) equal fractions, from <paramref name="StartDate"/> to <paramref name="EndDate"/> (null = unknown), with the
/// worst late toxicity <paramref name="LateToxicityGrade"/> (CTCAE 0–5, null = not recorded). BED and EQD2 are derived
/// with α/β = <see cref="Fractionation.SarcomaAlphaBeta"/> Gy.
/// </summary>
public sealed record RadiotherapyCourse(
    RadiotherapySetting? Setting,
    double DoseGy,
    int Fractions,
    DateOnly? EndDate,
    RadiotherapyTarget? Target = null,
    DateOnly? StartDate = null,
    int? LateToxicityGrade = null)
{
    /// <summary>Biologically effective dose in Gy at α/β 4 Gy.</summary>
    public double Bed => Fractionation.BiologicallyEffectiveDose(DoseGy, Fractions);

    /// <summary>Equivalent dose in 2-Gy fractions in Gy at α/β 4 Gy.</summary>
    public double Eqd2 => Fractionation.EquivalentDoseIn2GyFractions(DoseGy, Fractions);
}
