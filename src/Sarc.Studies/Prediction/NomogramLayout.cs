using Sarc.Statistics.Prediction;

namespace Sarc.Studies.Prediction;

/// <summary>
/// A model's nomogram as <c>rms::nomogram</c> lays it out: one axis per predictor (a factor's levels; a number's
/// distinct values when it had at most 10, else <c>pretty()</c> over its fitted range; a spline drawn through its
/// effect at those values), the total points, the linear predictor and, at each model time, the survival (Cox) or
/// cumulative incidence (Fine-Gray).
/// </summary>
public static class NomogramLayout
{
    /// <summary>The nomogram's scales.</summary>
    /// <exception cref="DataInputException">An interaction (a coefficient of several variables), or a numeric variable without a range.</exception>
    public static NomogramScaleResult Of(PredictionModel model, IReadOnlyList<double>? probabilities = null)
    {
        if (model.Coefficients.FirstOrDefault(c => c.Parts.Count > 1) is { } interaction)
        {
            throw new DataInputException($"nomogram: '{interaction.Name}' is an interaction; a nomogram with one axis per predictor needs a model of main effects");
        }
        var inputs = model.Variables.Select(variable => Axis(model, variable)).ToArray();
        var range = model.LinearPredictorRange ?? (
            inputs.Sum(a => a.Effects.Min()) - model.Centring,
            inputs.Sum(a => a.Effects.Max()) - model.Centring);
        var outcomes = model.Baseline.Select(b => new NomogramOutcomeInput(
            $"{(model.PredictsSurvival ? "Survival" : "Cumulative incidence")} at {b.Time.ToString("G6", CultureInfo.InvariantCulture)}",
            b.Time, model.PredictsSurvival, b.CumulativeHazard, probabilities ?? NomogramScale.DefaultProbabilities)).ToArray();
        return NomogramScale.Build(inputs, model.Centring, range, outcomes);
    }

    private static NomogramAxisInput Axis(PredictionModel model, ModelVariable variable)
    {
        var coefficients = model.Coefficients.Where(c => c.Parts[0].Variable == variable.Name).ToArray();
        if (variable.Type == ModelVariableType.Factor)
        {
            var levels = variable.Levels!;
            var effects = levels.Select(level => coefficients.Where(c => c.Parts[0].Level == level).Sum(c => c.Estimate)).ToArray();
            return new NomogramAxisInput(variable.Name, levels, effects);
        }
        double[] values;
        if (variable.Values is { } distinct)
        {
            values = [.. distinct];
        }
        else if (variable.Minimum is { } min && variable.Maximum is { } max)
        {
            values = PrettyBreaks.Of(min, max, 10);
        }
        else
        {
            throw new DataInputException($"nomogram: variable '{variable.Name}' has no range in the model file; add 'range: [low, high]' to draw its axis");
        }
        var basis = new double[variable.Knots is { } k ? RestrictedCubicSpline.BasisSize(k.Count) : 1];
        var knots = variable.Knots?.ToArray();
        var effect = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (knots is not null)
            {
                RestrictedCubicSpline.Basis(values[i], knots, basis);
            }
            else
            {
                basis[0] = values[i];
            }
            foreach (var c in coefficients)
            {
                effect[i] += c.Estimate * basis[c.Parts[0].Basis];
            }
        }
        return new NomogramAxisInput(variable.Name, values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)).ToArray(), effect);
    }
}
