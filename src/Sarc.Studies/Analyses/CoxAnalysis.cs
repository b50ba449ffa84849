using Sarc.Data.Models;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Analyses;

/// <summary>A Cox fit with the model frame it was fitted on (terms, exclusions), as <c>sarc cox</c> reports it.</summary>
public sealed record CoxAnalysis(CoxResult Fit, ModelFrame Frame);
