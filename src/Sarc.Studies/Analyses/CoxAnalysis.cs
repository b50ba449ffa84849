using Sarc.Data.Models;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Analyses;

/// <summary>
/// A Cox fit with the model frame it was fitted on (terms, exclusions), as <c>sarc cox</c> reports it, and the
/// reference level of each factor term (term label → level), so tables and forest plots can show it.
/// </summary>
public sealed record CoxAnalysis(CoxResult Fit, ModelFrame Frame, IReadOnlyDictionary<string, string> References);
