using Sarc.Data.Models;

namespace Sarc.Studies.Prediction;

/// <summary>A model fitted for prediction: the model file's content, the frame it was fitted on, and what to warn about.</summary>
/// <param name="Model">The model.</param>
/// <param name="Frame">The model frame (rows used, design, knots, levels).</param>
/// <param name="Warnings">Statistical trouble and R's warnings (knots reduced, non-convergence), each a sentence.</param>
public sealed record ModelFitResult(PredictionModel Model, ModelFrame Frame, IReadOnlyList<string> Warnings);
