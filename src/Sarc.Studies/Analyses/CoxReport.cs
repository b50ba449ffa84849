using System.Text.Json;
using Sarc.Data.Models;
using Sarc.Statistics.Survival;
using Sarc.Studies.Json;

namespace Sarc.Studies.Analyses;

/// <summary>The JSON of a Cox fit as <c>sarc cox --json</c> prints it (coefficients, tests, concordance, cox.zph), shared with the study runner.</summary>
public static class CoxReport
{
    /// <summary>Writes the fit into the current JSON object (the body of <c>sarc cox --json</c>).</summary>
    public static void WriteJson(Utf8JsonWriter writer, CoxResult fit, ModelFrame frame)
    {
        writer.WriteString("formula", frame.Formula.Text);
        writer.WriteNumber("n", fit.N);
        writer.WriteNumber("events", fit.Events);
        writer.WriteNumber("n_excluded", frame.Excluded);
        writer.WriteString("ties", fit.Ties == CoxTies.Efron ? "efron" : "breslow");
        writer.WriteNumber("conf_level", fit.ConfidenceLevel);
        writer.WriteNumberOrNull("loglik_null", fit.LogLikelihoodNull);
        writer.WriteNumberOrNull("loglik", fit.LogLikelihood);
        writer.WriteStartArray("coefficients");
        foreach (var c in fit.Coefficients)
        {
            writer.WriteStartObject();
            writer.WriteString("term", c.Term);
            writer.WriteNumberOrNull("coef", c.Coef);
            writer.WriteNumberOrNull("se", c.Se);
            if (c.RobustSe is { } robust)
            {
                writer.WriteNumberOrNull("robust_se", robust);
            }
            writer.WriteNumberOrNull("hr", c.HazardRatio);
            writer.WriteNumberOrNull("hr_lower", c.HazardRatioLower);
            writer.WriteNumberOrNull("hr_upper", c.HazardRatioUpper);
            writer.WriteNumberOrNull("z", c.Z);
            writer.WriteNumberOrNull("p", c.P);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteTest(writer, "lr_test", fit.LikelihoodRatioTest);
        WriteTest(writer, "wald_test", fit.WaldTest);
        WriteTest(writer, "score_test", fit.ScoreTest);
        writer.WriteNumberOrNull("concordance", fit.Concordance);
        if (fit.PhTest is { } ph)
        {
            writer.WriteStartObject("ph_test");
            writer.WriteStartArray("terms");
            foreach (var term in ph.Terms)
            {
                writer.WriteStartObject();
                writer.WriteString("term", term.Term);
                writer.WriteNumberOrNull("chisq", term.ChiSquare);
                writer.WriteNumber("df", term.DegreesOfFreedom);
                writer.WriteNumberOrNull("p", term.P);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            WriteTest(writer, "global", ph.Global);
            writer.WriteEndObject();
        }
        writer.WriteBoolean("converged", fit.Converged);
        writer.WriteNumber("iterations", fit.Iterations);
        writer.WriteStartArray("warnings");
        foreach (var warning in fit.Warnings)
        {
            writer.WriteStringValue(warning);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes a chi-square test as an object <paramref name="name"/>: chisq, df, p.</summary>
    internal static void WriteTest(Utf8JsonWriter writer, string name, CoxTest test)
    {
        writer.WriteStartObject(name);
        writer.WriteNumberOrNull("chisq", test.ChiSquare);
        writer.WriteNumber("df", test.DegreesOfFreedom);
        writer.WriteNumberOrNull("p", test.P);
        writer.WriteEndObject();
    }
}
