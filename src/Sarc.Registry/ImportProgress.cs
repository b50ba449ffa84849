namespace Sarc.Registry;

/// <summary>
/// How far an import has come: <paramref name="Stage"/> is "checking" (the file is being validated; counts are 0)
/// or "writing" (<paramref name="Done"/> of <paramref name="Total"/> patients written in the open transaction).
/// Reported to an <see cref="IProgress{T}"/> on the importing thread, so a terminal can show it.
/// </summary>
public sealed record ImportProgress(string Stage, int Done, int Total);
