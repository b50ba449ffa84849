using Sarc.Data.Formulas;
using Sarc.Statistics.Prediction;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Prediction;

/// <summary>
/// A study's <c>kind: model</c> analysis: a prediction model fitted on the cohort (<see cref="ModelFitting"/>, as
/// <c>sarc model fit</c>), validated on the same patients (<see cref="ModelValidation"/>: apparent performance, and
/// Harrell's optimism correction with <see cref="Resamples"/> bootstrap resamples), and its nomogram
/// (<see cref="NomogramLayout"/>) — what <c>sarc model fit</c>, <c>validate --bootstrap</c> and <c>nomogram</c> give.
/// </summary>
/// <param name="Fit">The fitted model (its <see cref="PredictionModel"/> is the model file's content).</param>
/// <param name="Validation">The validation on the cohort at every model time.</param>
/// <param name="Nomogram">The nomogram's scales, or null when the model has none (an interaction).</param>
/// <param name="Resamples">Bootstrap resamples asked for (0: none).</param>
/// <param name="Seed">The resamples' seed.</param>
/// <param name="Warnings">Everything the reader must know, fit and validation together, each once.</param>
public sealed record ModelAnalysis(ModelFitResult Fit, ModelValidationResult Validation, NomogramScaleResult? Nomogram, int Resamples, int Seed, IReadOnlyList<string> Warnings)
{
    /// <summary>The model.</summary>
    public PredictionModel Model => Fit.Model;

    /// <summary>Fits, validates and lays out the nomogram of <paramref name="formula"/> on <paramref name="cohort"/>.</summary>
    /// <param name="cohort">The study's cohort.</param>
    /// <param name="formula"><c>Surv(ENDPOINT_months, ENDPOINT_event) ~ terms</c>.</param>
    /// <param name="cause">Null for a Cox model; the status code of a Fine-Gray model.</param>
    /// <param name="times">The model times.</param>
    /// <param name="name">The model's name (shown with its predictions).</param>
    /// <param name="resamples">Bootstrap resamples of the optimism correction (0: none; Cox models only).</param>
    /// <param name="seed">The resamples' seed.</param>
    /// <exception cref="DataInputException">The model cannot be fitted or validated on the cohort (every message of <see cref="ModelFitting.Fit"/> and <see cref="ModelValidation.Validate"/>).</exception>
    public static ModelAnalysis Run(DataFrame cohort, Formula formula, int? cause, IReadOnlyList<double> times, string? name, int resamples, int seed)
    {
        var fit = ModelFitting.Fit(cohort, formula, cause, times, CoxTies.Efron);
        fit = fit with { Model = fit.Model with { Name = name } };
        var validation = ModelValidation.Validate(fit.Model, cohort, fit.Model.Times, resamples, seed);
        var warnings = fit.Warnings.Concat(validation.Warnings).Distinct(StringComparer.Ordinal).ToList();
        NomogramScaleResult? nomogram = null;
        try
        {
            nomogram = NomogramLayout.Of(fit.Model);
        }
        catch (DataInputException e)
        {
            warnings.Add($"no nomogram: {e.Message}");
        }
        return new ModelAnalysis(fit, validation, nomogram, resamples, seed, warnings);
    }
}
