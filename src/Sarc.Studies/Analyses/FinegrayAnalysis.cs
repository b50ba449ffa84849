using Sarc.Data.Models;
using Sarc.Statistics.CompetingRisks;

namespace Sarc.Studies.Analyses;

/// <summary>A Fine-Gray model, as <c>sarc finegray</c> reports it.</summary>
/// <param name="Frame">The model frame (design columns, rows used, rows excluded for missing values).</param>
/// <param name="Cause">The status code modelled (crr's failcode).</param>
/// <param name="ConfidenceLevel">Level of the subdistribution hazard-ratio intervals.</param>
/// <param name="Fit">The fitted model, coefficients in the order of <see cref="ModelFrame.ColumnNames"/>.</param>
public sealed record FinegrayAnalysis(ModelFrame Frame, int Cause, double ConfidenceLevel, FineGrayResult Fit);
