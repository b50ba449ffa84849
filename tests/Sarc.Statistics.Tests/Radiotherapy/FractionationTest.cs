using Sarc.Statistics.Radiotherapy;
using Sarc.Testing;

namespace Sarc.Statistics.Tests.Radiotherapy;

public class FractionationTest
{
    [Fact]
    public void Eqd2_Hypofractionated4005In15_IsAbout44Point5AtAlphaBeta4()
    {
        // domain.md: 40.05 Gy / 15 fx is about 44.5 Gy EQD2 at α/β 4; exactly 40.05 (1 + 2.67/4) / 1.5.
        var eqd2 = Fractionation.EquivalentDoseIn2GyFractions(40.05, 15);
        AssertNear.Relative(40.05 * (1 + 2.67 / 4) / 1.5, eqd2, 1e-12, "EQD2");
        Assert.Equal(44.5, Math.Round(eqd2, 1));
    }

    [Fact]
    public void Eqd2_Of2GyFractions_IsTheTotalDose()
    {
        // 2-Gy fractions are the reference, so their EQD2 is the physical dose at any α/β.
        Assert.Equal(50.0, Fractionation.EquivalentDoseIn2GyFractions(50, 25, 3), 12);
        Assert.Equal(50.0, Fractionation.EquivalentDoseIn2GyFractions(50, 25, 10), 12);
    }

    [Fact]
    public void Bed_FiveFractionsOf6Gy_MatchesTheFormula()
    {
        // 30 Gy / 5 fx at α/β 4: 30 (1 + 6/4) = 75 Gy.
        Assert.Equal(75.0, Fractionation.BiologicallyEffectiveDose(30, 5), 12);
    }

    [Theory]
    [InlineData(0, 5, 4)]
    [InlineData(30, 0, 4)]
    [InlineData(30, 5, 0)]
    [InlineData(double.NaN, 5, 4)]
    public void Bed_NonPositiveOrNaNInput_Throws(double dose, int fractions, double alphaBeta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fractionation.BiologicallyEffectiveDose(dose, fractions, alphaBeta));
    }
}
