namespace Sarc.Registry.Models;

/// <summary>
/// A prediction model registered in the registry (<see cref="ModelStore"/>): the model file's text as registered, for
/// the patients of one center or of all centers, with its validation on the registry when it was registered. The
/// registry keeps both as text; <c>Sarc.Studies.Prediction</c> reads them.
/// </summary>
/// <param name="Id">The registration's number.</param>
/// <param name="Name">The name it is registered under, unique per center (and among the models for all centers).</param>
/// <param name="Center">The center whose patients it is for; null for every center.</param>
/// <param name="Model">The model file's text (docs/models.md).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Model"/>'s UTF-8 bytes.</param>
/// <param name="Validation">The validation summary as JSON (written by Sarc.Studies), or null.</param>
/// <param name="RegisteredAt">When (UTC).</param>
/// <param name="RegisteredBy">Who.</param>
public sealed record StoredModel(long Id, string Name, string? Center, string Model, string Sha256, string? Validation, DateTimeOffset RegisteredAt, string RegisteredBy)
{
    /// <summary>Whether the model is for the patients of <paramref name="center"/> (its own, or registered for all).</summary>
    public bool AppliesTo(string center) => Center is null || string.Equals(Center, center, StringComparison.Ordinal);
}
