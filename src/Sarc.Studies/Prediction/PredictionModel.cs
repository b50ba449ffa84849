using Sarc.Statistics.Survival;

namespace Sarc.Studies.Prediction;

/// <summary>
/// A prediction model as a model file holds it (docs/models.md): everything needed to predict for a new patient —
/// the variables and how they enter, the coefficients and what each multiplies, the centring, and the baseline at each
/// model time — plus what it was fitted on and where it was published. The linear predictor is
/// lp = Σ coefficient × (product of its parts) − <see cref="Centring"/>; a Cox model predicts survival
/// exp(−H₀(t) e^lp), a Fine-Gray model the cumulative incidence 1 − exp(−Λ₀(t) e^lp).
/// </summary>
public sealed record PredictionModel
{
    /// <summary>The model file format this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>A short name (shown with predictions), or null.</summary>
    public string? Name { get; init; }

    /// <summary>The published source (a citation), or null for a model fitted locally.</summary>
    public string? Source { get; init; }

    /// <summary>Cox (survival) or Fine-Gray (cumulative incidence of <see cref="Cause"/>).</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>The R formula the model was fitted with (documentation and refits).</summary>
    public required string Formula { get; init; }

    /// <summary>The follow-up time column.</summary>
    public required string TimeColumn { get; init; }

    /// <summary>The event column: 0/1 (Cox) or status codes with 0 = censored (Fine-Gray).</summary>
    public required string EventColumn { get; init; }

    /// <summary>The cause predicted (Fine-Gray; 1 for Cox).</summary>
    public int Cause { get; init; } = 1;

    /// <summary>Tie handling of a Cox fit (what its baseline follows).</summary>
    public CoxTies Ties { get; init; } = CoxTies.Efron;

    /// <summary>The variables in order of first use in the formula, each with how it enters (value, factor levels, spline knots) and its fitted range.</summary>
    public required IReadOnlyList<ModelVariable> Variables { get; init; }

    /// <summary>The coefficients in R's order, each with what it multiplies.</summary>
    public required IReadOnlyList<ModelCoefficient> Coefficients { get; init; }

    /// <summary>Subtracted from Σ coefficient × x: R's Σ means × β for Cox (coxph's centring), 0 for Fine-Gray.</summary>
    public double Centring { get; init; }

    /// <summary>The baseline at each model time, ascending.</summary>
    public required IReadOnlyList<BaselinePoint> Baseline { get; init; }

    /// <summary>The range of the linear predictor over the data the model was fitted on (the nomogram's lp axis), or null.</summary>
    public (double Low, double High)? LinearPredictorRange { get; init; }

    /// <summary>The data the model was fitted on, or null (a published model).</summary>
    public ModelProvenance? FittedOn { get; init; }

    /// <summary>The last recalibration, or null.</summary>
    public ModelRecalibration? Recalibrated { get; init; }

    /// <summary>The model times, ascending.</summary>
    public IReadOnlyList<double> Times => Baseline.Select(b => b.Time).ToArray();

    /// <summary>Whether the model predicts survival (Cox) rather than a cumulative incidence (Fine-Gray).</summary>
    public bool PredictsSurvival => Kind == ModelKind.Cox;

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such variable.</exception>
    public ModelVariable Variable(string name) =>
        Variables.FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"No variable '{name}' in the model.");

    /// <summary>The baseline cumulative hazard at model time <paramref name="time"/>, or null when it is not a model time.</summary>
    public double? BaselineAt(double time) => Baseline.FirstOrDefault(b => b.Time == time)?.CumulativeHazard;

    /// <summary>The predicted risk of the event by a time whose baseline is <paramref name="cumulativeHazard"/>: 1 − exp(−H e^lp) for both kinds.</summary>
    public static double Risk(double cumulativeHazard, double linearPredictor) =>
        -double.ExpM1(-cumulativeHazard * Math.Exp(linearPredictor));
}
