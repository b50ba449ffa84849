using System.Text.Json;
using Sarc.Data;
using Sarc.Data.Models;
using Sarc.Statistics.Survival;
using Sarc.Studies.Json;

namespace Sarc.Studies.Analyses;

/// <summary>The JSON of a Cox fit as <c>sarc cox --json</c> prints it (coefficients, tests, concordance, cox.zph), shared with the study runner.</summary>
public static class CoxReport
{
    /// <summary>Fits <paramref name="frame"/> with R's <c>coxph</c> (see <see cref="CoxRegression"/>).</summary>
    /// <param name="frame">The model frame.</param>
    /// <param name="options">The fit's options.</param>
    /// <param name="lastUseOfDesign">
    /// True when nothing reads the frame's design columns (nor the table they may share) after the fit: the fit may
    /// then overwrite them instead of copying them (<see cref="CoxData.CovariatesReusable"/>).
    /// </param>
    /// <exception cref="DataInputException">The data has a problem the model finds (<see cref="CoxRegression.Check"/>), naming its line.</exception>
    public static CoxResult Fit(ModelFrame frame, CoxOptions options, bool lastUseOfDesign = false)
    {
        var data = new CoxData(frame.Start, frame.Stop, frame.Status, frame.Design, frame.ColumnNames, [.. frame.TermLabels],
            frame.Assign, frame.Strata, frame.Cluster)
        {
            CovariatesReusable = lastUseOfDesign,
        };
        var regression = new CoxRegression(options);
        frame.ThrowIfAny(regression.Check(data));
        return regression.Fit(data);
    }

    /// <summary>Writes the fit into the current JSON object (the body of <c>sarc cox --json</c>).</summary>
    public static void WriteJson(Utf8JsonWriter writer, CoxResult fit, ModelFrame frame)
    {
        writer.WriteString("formula", frame.Formula.Text);
        writer.WriteCounts(fit.N, fit.Events, frame.Excluded);
        writer.WriteString("ties", fit.Ties == CoxTies.Efron ? "efron" : "breslow");
        writer.WriteNumber("conf_level", fit.ConfidenceLevel);
        writer.WriteNumberOrNull("loglik_null", fit.LogLikelihoodNull);
        writer.WriteNumberOrNull("loglik", fit.LogLikelihood);
        writer.WriteStartArray("coefficients");
        foreach (var c in fit.Coefficients)
        {
            writer.WriteCoefficient(c);
        }
        writer.WriteEndArray();
        writer.WriteChiSquare("lr_test", fit.LikelihoodRatioTest);
        writer.WriteChiSquare("wald_test", fit.WaldTest);
        writer.WriteChiSquare("score_test", fit.ScoreTest);
        writer.WriteNumberOrNull("concordance", fit.Concordance);
        if (fit.PhTest is { } ph)
        {
            writer.WriteStartObject("ph_test");
            writer.WriteStartArray("terms");
            foreach (var term in ph.Terms)
            {
                writer.WriteStartObject();
                writer.WriteString("term", term.Term);
                writer.WriteChiSquareFields(term);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteChiSquare("global", ph.Global);
            writer.WriteEndObject();
        }
        writer.WriteBoolean("converged", fit.Converged);
        writer.WriteNumber("iterations", fit.Iterations);
        writer.WriteStrings("warnings", fit.Warnings);
    }
}
