using Sarc.Data.Analysis;
using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Statistics.Survival;

namespace Sarc.Studies.Kinds;

/// <summary>The Cox fit of the <c>cox</c> kind and of each transition of the <c>multistate</c> kind.</summary>
internal static class CoxFitting
{
    /// <summary>Fits a Cox model (R's defaults: Efron ties, 95% intervals) with the reference level of each factor term.</summary>
    /// <exception cref="DataInputException">No events among the rows used (<paramref name="events"/> names them), or a problem the model finds in the data.</exception>
    public static CoxAnalysis Fit(DataFrame data, Formula formula, string events)
    {
        var frame = ModelFrame.Build(data, formula);
        var count = 0;
        foreach (var status in frame.Status)
        {
            count += status == 1 ? 1 : 0;
        }
        if (count == 0)
        {
            throw new DataInputException($"no {events} among the {frame.Status.Length} rows analysed: no Cox model to fit");
        }
        var fit = CoxReport.Fit(frame, new CoxOptions());
        return new CoxAnalysis(fit, frame, References(data, frame, fit));
    }

    /// <summary>For each text-column term: the level among the fitted rows that has no coefficient (R's treatment contrast reference).</summary>
    private static Dictionary<string, string> References(DataFrame data, ModelFrame frame, CoxResult fit)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in frame.TermLabels)
        {
            if (!data.HasColumn(label) || data.Column(label).Texts is not { } texts)
            {
                continue;
            }
            var levels = LevelOrder.SortDistinct(frame.Rows.Select(r => texts[r]).OfType<string>());
            if (levels.FirstOrDefault(l => !fit.Coefficients.Any(c => c.Term == label + l)) is { } reference)
            {
                references[label] = reference;
            }
        }
        return references;
    }
}
