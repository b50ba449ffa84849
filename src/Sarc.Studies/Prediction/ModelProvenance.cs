namespace Sarc.Studies.Prediction;

/// <summary>The data a model was fitted (or recalibrated) on.</summary>
/// <param name="Data">The file name (or registry) of the data.</param>
/// <param name="Sha256">SHA-256 of the data file's bytes (or of a registry snapshot), when known.</param>
/// <param name="Count">Patients used.</param>
/// <param name="Events">Events (of the cause, for Fine-Gray).</param>
/// <param name="Excluded">Rows left out for a missing value.</param>
public sealed record ModelProvenance(string Data, string? Sha256, int Count, int Events, int Excluded);
