namespace Sarc.Statistics.Prediction;

/// <summary>One index of a bootstrap validation, as a row of <c>rms::validate</c>'s table.</summary>
/// <param name="Apparent">The index of the model fitted on all the data, on all the data (index.orig).</param>
/// <param name="Training">Mean over resamples of the refitted model on its own resample.</param>
/// <param name="Test">Mean over resamples of the refitted model on the original data.</param>
/// <param name="Optimism">Training − test.</param>
/// <param name="Corrected">Apparent − optimism (index.corrected).</param>
/// <param name="Resamples">Resamples that entered the means (rms's n).</param>
public sealed record OptimismRow(double Apparent, double Training, double Test, double Optimism, double Corrected, int Resamples);
