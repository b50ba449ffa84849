using Sarc.Data.Analysis;
using Sarc.Registry.Endpoints;

namespace Sarc.Studies.Kinds;

/// <summary>Reading an analysis's parameters and the cohort's columns the way every kind does.</summary>
internal static class KindInputs
{
    /// <summary>Level of every confidence interval a study reports unless it names another (R's default).</summary>
    public const double DefaultConfidenceLevel = 0.95;

    /// <summary>The study name of the analysis's (required) <see cref="KindParameters.Endpoint"/>, e.g. <c>os</c>.</summary>
    public static string Endpoint(AnalysisDefinition analysis) => analysis.Text(KindParameters.Endpoint.Name)!;

    /// <summary>The analysis's <see cref="KindParameters.Group"/> column, or null without one.</summary>
    public static string? Group(AnalysisDefinition analysis) => analysis.Text(KindParameters.Group.Name);

    /// <summary>The analysis's <see cref="KindParameters.At"/> times in months; empty when absent.</summary>
    public static double[] At(AnalysisDefinition analysis) => Numbers(analysis, KindParameters.At.Name);

    /// <summary>The analysis's <see cref="KindParameters.Cause"/>, or 1 when absent.</summary>
    public static double Cause(AnalysisDefinition analysis) => Number(analysis, KindParameters.Cause.Name, 1);

    /// <summary>The analysis's <see cref="KindParameters.ConfLevel"/>, or <see cref="DefaultConfidenceLevel"/> when absent.</summary>
    public static double ConfLevel(AnalysisDefinition analysis) => Number(analysis, KindParameters.ConfLevel.Name, DefaultConfidenceLevel);

    /// <summary>
    /// Reports a <see cref="KindParameters.Cause"/> that is not a positive whole-number status code of the endpoint's
    /// event column, at the definition's check (absent is fine: cause 1).
    /// </summary>
    public static void CheckCause(AnalysisDefinition analysis, Action<Parameter?, string> error)
    {
        var cause = analysis.Parameters.GetValueOrDefault(KindParameters.Cause.Name);
        if (WholeNumber(cause, 1, int.MaxValue) is false)
        {
            var endpoint = analysis.Text(KindParameters.Endpoint.Name) ?? "";
            error(cause, $"'cause' must be a positive whole-number status code of {EndpointNames.EventColumn(endpoint)}, found {cause!.Scalar}");
        }
    }

    /// <summary>Whether a number parameter is a whole number in [<paramref name="min"/>, <paramref name="max"/>]; null when absent or not a number (the parser reports that).</summary>
    public static bool? WholeNumber(Parameter? parameter, double min, double max) =>
        parameter?.Scalar is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v == Math.Floor(v) && v >= min && v <= max
            : null;

    /// <summary>A number parameter (already checked by the parser), or <paramref name="fallback"/> when absent.</summary>
    public static double Number(AnalysisDefinition analysis, string name, double fallback) =>
        analysis.Text(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A list-of-numbers parameter (already checked by the parser); empty when absent.</summary>
    public static double[] Numbers(AnalysisDefinition analysis, string name) =>
        analysis.List(name).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The right-hand side of the definition's formula (<c>~ a + b</c> → <c>a + b</c>), or null without one.</summary>
    public static string? Rhs(AnalysisDefinition analysis) =>
        analysis.Text("formula") is { } text ? text[(text.IndexOf('~') + 1)..].Trim() : null;

    /// <summary>A cell as a number: the numeric value, a text cell parsed, NaN when missing or not a number.</summary>
    public static double NumberAt(DataColumn column, int row) => column.Numbers is { } n ? n[row]
        : double.TryParse(column.Texts![row], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>A yes/no column as 1/0 (NaN where missing), read as every analysis reads an event.</summary>
    /// <exception cref="DataInputException">A value outside the column's coding.</exception>
    public static double[] Binary(DataFrame frame, string name) => AnalysisColumns.IndicatorWithMissing(frame, name);
}
