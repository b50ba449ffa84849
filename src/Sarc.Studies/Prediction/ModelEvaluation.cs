namespace Sarc.Studies.Prediction;

/// <summary>
/// A model applied to the rows of a table: each row's linear predictor (NaN where it cannot be computed: a missing
/// value or a level the model does not know) and what a reader must know about the row (the notes: missing, unknown,
/// outside the fitted range). For the rows with a linear predictor, the design (one column per coefficient) for refits.
/// </summary>
/// <param name="LinearPredictor">Per table row: Σ estimate × x − centring, or NaN.</param>
/// <param name="Notes">Per table row: what is missing, unknown or extrapolated (empty when nothing).</param>
/// <param name="Rows">The table rows that have a linear predictor, in table order.</param>
/// <param name="Design">Per coefficient, its column over <see cref="Rows"/>.</param>
public sealed record ModelEvaluation(double[] LinearPredictor, IReadOnlyList<string>[] Notes, int[] Rows, double[][] Design)
{
    /// <summary>Table rows whose value lies outside what the model was fitted on (still predicted, and flagged).</summary>
    public int Extrapolated { get; init; }

    /// <summary>Table rows with a level the model does not know (not predicted).</summary>
    public int UnknownLevels { get; init; }

    /// <summary>Table rows with a missing predictor (not predicted).</summary>
    public int Missing { get; init; }
}
