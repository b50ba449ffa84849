using Sarc.Statistics.Survival;

namespace Sarc.Statistics.Tests.Survival;

public class CountingProcessKaplanMeierTest
{
    [Fact]
    public void Fit_HandComputedCase_GivesTheExtendedProductLimit()
    {
        // Six patients; patient 2 has an LR at 2 and dies at 6, patient 4 an LR at 5 and dies at 8.
        // No-LR group: at 1 six at risk, one death: 5/6; at 3 four at risk (2 left at 2 by its LR, 6 died): 5/6 · 3/4 = 5/8;
        // at 7 one at risk (4 left at 5), one death: 0. LR group: at 6 two at risk (entered at 2 and 5): 1/2; at 8: 0.
        double[] start = [0, 0, 2, 0, 0, 5, 0, 0];
        double[] stop = [3, 2, 6, 4, 5, 8, 7, 1];
        double[] status = [1, 0, 1, 0, 0, 1, 1, 1];
        int[] group = [0, 0, 1, 0, 0, 1, 0, 0];

        var curves = new CountingProcessKaplanMeier().Fit(new SurvivalData(stop, status, group, 2, start));

        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 7 }, curves[0].Time.ToArray());
        Assert.Equal(new[] { 6, 5, 4, 3, 2, 1 }, curves[0].AtRisk.ToArray());
        Assert.Equal(new[] { 5.0 / 6, 5.0 / 6, 5.0 / 8, 5.0 / 8, 5.0 / 8, 0 }, curves[0].Survival.ToArray());
        Assert.Equal(new[] { 6.0, 8 }, curves[1].Time.ToArray());
        Assert.Equal(new[] { 2, 1 }, curves[1].AtRisk.ToArray());
        Assert.Equal(new[] { 0.5, 0 }, curves[1].Survival.ToArray());
    }

    [Fact]
    public void Fit_OneRowPerPatientFromZero_IsTheOrdinaryKaplanMeier()
    {
        // Invariance: without late entry the extended estimate is the Kaplan-Meier estimate.
        double[] time = [3, 2, 6, 4, 5, 8, 7, 1, 6, 6];
        double[] status = [1, 0, 1, 0, 0, 1, 1, 1, 1, 0];

        var extended = new CountingProcessKaplanMeier().Fit(new SurvivalData(time, status, Start: new double[time.Length]))[0];
        var ordinary = new KaplanMeier().Fit(new SurvivalData(time, status)).Curves[0];

        Assert.Equal(ordinary.Time.ToArray(), extended.Time.ToArray());
        Assert.Equal(ordinary.AtRisk.ToArray(), extended.AtRisk.ToArray());
        Assert.Equal(ordinary.Survival.ToArray(), extended.Survival.ToArray());
        Assert.Equal(ordinary.StdErrLog.ToArray(), extended.StdErrLog.ToArray());
    }
}
