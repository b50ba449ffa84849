using Sarc.Data.Formulas;
using Sarc.Data.Models;
using Sarc.Statistics.CompetingRisks;

namespace Sarc.Studies.Analyses;

/// <summary>
/// Fine-Gray subdistribution hazards regression from a table and an R formula, and its JSON, shared by
/// <c>sarc finegray</c> and the study runner (as R <c>cmprsk::crr</c>, cencode 0).
/// </summary>
public static class FinegrayReport
{
    /// <summary>
    /// Fits <paramref name="formula"/> (<c>Surv(time, status) ~ terms</c>, status 0 = censored, any other whole number
    /// a cause) for cause <paramref name="cause"/>; rows with a missing value are left out and counted.
    /// </summary>
    /// <exception cref="DataInputException">A start time, strata() or cluster() in the formula; a status that is not a
    /// whole number ≥ 0 (naming its line); the cause never occurs; a problem <see cref="FineGray.Check"/> finds (a
    /// negative time, a constant covariate).</exception>
    public static FinegrayAnalysis Analyse(DataFrame table, Formula formula, int cause, double confidenceLevel)
    {
        if (formula.Response.Start is not null || formula.StrataColumns.Count > 0 || formula.ClusterColumn is not null)
        {
            throw new DataInputException("finegray takes Surv(time, status) ~ terms, without a start time, strata() or cluster()");
        }
        // Said before the model frame is built, which would only say that no row has an event.
        if (table.Column(formula.Response.Event).Numbers is { } codes && Array.IndexOf(codes, (double)cause) < 0)
        {
            throw new DataInputException($"{table.Source}: cause {cause} does not occur in column '{formula.Response.Event}'");
        }
        var frame = ModelFrame.Build(table, formula, ResponseKind.CompetingRisks);
        var status = new int[frame.RowCount];
        for (var i = 0; i < status.Length; i++)
        {
            status[i] = (int)frame.Status[i];
        }
        var data = new FineGrayData(frame.Stop, status, cause, frame.Design, frame.ColumnNames);
        var model = new FineGray(new FineGrayOptions { ConfidenceLevel = confidenceLevel });
        frame.ThrowIfAny(model.Check(data));
        return new FinegrayAnalysis(frame, cause, confidenceLevel, model.Fit(data));
    }

    /// <summary>Writes the properties of <c>sarc finegray --json</c> into an open object.</summary>
    public static void WriteJson(Utf8JsonWriter writer, FinegrayAnalysis analysis)
    {
        var (frame, cause, level, fit) = analysis;
        writer.WriteString("formula", frame.Formula.Text);
        writer.WriteNumber("cause", cause);
        writer.WriteCounts(fit.Count, fit.Events, frame.Excluded);
        writer.WriteBoolean("converged", fit.Converged);
        writer.WriteNumber("iterations", fit.Iterations);
        writer.WriteNumberOrNull("loglik", fit.LogLikelihood);
        writer.WriteNumberOrNull("loglik_null", fit.NullLogLikelihood);
        writer.WriteNumber("conf_level", level);
        writer.WriteCoefficients(fit.Coefficients);
    }
}
