namespace Sarc.Statistics.Prediction;

/// <summary>
/// The points scales of a nomogram, exactly as <c>rms::nomogram</c> (rms 6.5) computes them: each predictor's effect
/// (its part of the linear predictor) is read at its axis values; the predictor whose effect spans the widest range
/// gets <c>maxPoints</c> (100) points, every other in proportion: points = (effect − the predictor's lowest effect) ×
/// scale, scale = maxPoints / widest range. The linear predictor is total points / scale + intercept, intercept =
/// Σ lowest effects − centring. The total-points axis is <c>pretty(c(0, max(maxPoints, scale × max(lp axis −
/// intercept))), 10)</c>, the linear-predictor axis <c>pretty(range of the fitted linear predictors, 10)</c>, and an
/// outcome axis (survival or cumulative incidence at a time) carries the given probabilities whose linear predictor
/// falls on the linear-predictor axis, placed by inverting the model exactly (R interpolates on a 1000-point grid).
/// </summary>
public static class NomogramScale
{
    /// <summary>The probabilities an outcome axis is labelled with unless others are given.</summary>
    public static IReadOnlyList<double> DefaultProbabilities { get; } =
        [0.99, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.01];

    /// <summary>Builds the scales.</summary>
    /// <param name="variables">Each predictor's axis: labels and the effect at each.</param>
    /// <param name="centring">What is subtracted from Σ effects to give the model's linear predictor.</param>
    /// <param name="linearPredictorRange">The lowest and highest linear predictor of the data the model was fitted on.</param>
    /// <param name="outcomes">The outcome axes to place.</param>
    /// <param name="maxPoints">Points of the widest predictor (rms's <c>maxscale</c>).</param>
    /// <exception cref="ArgumentException">No variable, an axis without values, or every effect range zero.</exception>
    public static NomogramScaleResult Build(
        IReadOnlyList<NomogramAxisInput> variables, double centring, (double Low, double High) linearPredictorRange,
        IReadOnlyList<NomogramOutcomeInput> outcomes, double maxPoints = 100)
    {
        if (variables.Count == 0)
        {
            throw new ArgumentException("A nomogram needs at least one predictor.", nameof(variables));
        }
        var lowest = new double[variables.Count];
        var widest = 0.0;
        for (var v = 0; v < variables.Count; v++)
        {
            var effects = variables[v].Effects;
            if (effects.Length == 0 || effects.Length != variables[v].Labels.Count)
            {
                throw new ArgumentException($"Axis '{variables[v].Name}' needs one effect per label.", nameof(variables));
            }
            lowest[v] = effects.Min();
            widest = Math.Max(widest, effects.Max() - lowest[v]);
        }
        if (!(widest > 0))
        {
            throw new ArgumentException("Every predictor has a flat effect: there is nothing to scale.", nameof(variables));
        }
        var scale = maxPoints / widest;
        var intercept = -centring;
        foreach (var low in lowest)
        {
            intercept += low;
        }
        var axes = new List<NomogramAxis>(variables.Count);
        for (var v = 0; v < variables.Count; v++)
        {
            var points = variables[v].Effects.Select(e => (e - lowest[v]) * scale).ToArray();
            axes.Add(new NomogramAxis(variables[v].Name, variables[v].Labels, points));
        }
        var lpAt = PrettyBreaks.Of(linearPredictorRange.Low, linearPredictorRange.High, 10);
        var sumMax = variables.Count == 1 ? maxPoints : Math.Max(maxPoints, scale * (lpAt.Max() - intercept));
        var total = PrettyBreaks.Of(0, sumMax, 10);
        var lpPoints = lpAt.Select(lp => (lp - intercept) * scale).ToArray();
        var lpLow = lpAt.Min();
        var lpHigh = lpAt.Max();
        var outcomeAxes = new List<NomogramOutcomeAxis>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            var probabilities = new List<double>();
            var positions = new List<double>();
            foreach (var probability in outcome.Probabilities)
            {
                // Survival S = exp(-H e^lp); cumulative incidence F = 1 - exp(-H e^lp): both give e^lp = -log(1 - risk) / H.
                var risk = outcome.Survival ? 1 - probability : probability;
                var lp = Math.Log(-Math.Log(1 - risk) / outcome.CumulativeHazard);
                if (lp >= lpLow && lp <= lpHigh)
                {
                    probabilities.Add(probability);
                    positions.Add((lp - intercept) * scale);
                }
            }
            outcomeAxes.Add(new NomogramOutcomeAxis(outcome.Label, outcome.Time, outcome.Survival, [.. probabilities], [.. positions]));
        }
        return new NomogramScaleResult(scale, intercept, axes, total, lpAt, lpPoints, outcomeAxes);
    }

    /// <summary>The linear predictor of a total number of points (the inverse of the points scale).</summary>
    public static double LinearPredictor(NomogramScaleResult scale, double totalPoints) => totalPoints / scale.Scale + scale.Intercept;
}
