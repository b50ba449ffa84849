using Sarc.Statistics.Prediction;

namespace Sarc.Statistics.Tests.Prediction;

public class NomogramScaleTest
{
    [Fact]
    public void Build_LinearModel_GivesPointsByHand()
    {
        // lp = 0.02 age + 0.5 [grade 2] + 1.0 [grade 3] - 1.5. Age 20..80 spans 1.2 of lp, grade 1.0: age is the
        // widest, 100 points for 1.2, so 1 point = 0.012 lp: grade 3 = 1.0 / 0.012 = 83.33 points, age 50 = 50 points.
        var age = new NomogramAxisInput("age", ["20", "50", "80"], [0.4, 1.0, 1.6]);
        var grade = new NomogramAxisInput("grade", ["1", "2", "3"], [0, 0.5, 1.0]);
        var h = 0.2;
        var scale = NomogramScale.Build([age, grade], 1.5, (-1, 1.2), [new NomogramOutcomeInput("S(60)", 60, true, h, [0.8])]);
        Assert.Equal(100 / 1.2, scale.Scale, 12);
        Assert.Equal([0, 50, 100], scale.Axes[0].Points.Select(p => Math.Round(p, 10)));
        Assert.Equal(1.0 / 1.2 * 100, scale.Axes[1].Points[2], 10);
        // Intercept: lowest effects 0.4 + 0 - 1.5 = -1.1; 150 points = lp 1.8 - 1.1 = 0.7.
        Assert.Equal(-1.1, scale.Intercept, 12);
        Assert.Equal(0.7, NomogramScale.LinearPredictor(scale, 150), 12);
        // S(60) = 0.8 at lp = log(-log 0.8 / 0.2) = 0.1096..., i.e. (lp + 1.1) * 100 / 1.2 points.
        var lp = Math.Log(-Math.Log(0.8) / h);
        Assert.Equal((lp + 1.1) * 100 / 1.2, scale.Outcomes[0].Points[0], 10);
    }

    [Fact]
    public void Build_ProbabilityOutsideTheLinearPredictorAxis_IsLeftOff()
    {
        var x = new NomogramAxisInput("x", ["0", "1"], [0, 1]);
        var scale = NomogramScale.Build([x], 0, (0, 1), [new NomogramOutcomeInput("S", 1, true, 0.1, [0.99999, 0.8])]);
        Assert.Equal([0.8], scale.Outcomes[0].Probabilities);
    }
}
