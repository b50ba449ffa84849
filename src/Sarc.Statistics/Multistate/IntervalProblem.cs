namespace Sarc.Statistics.Multistate;

/// <summary>A row of multistate interval data that cannot be used, found by <see cref="AalenJohansen.Check"/>.</summary>
/// <param name="Row">Index of the offending row in the caller's arrays.</param>
/// <param name="Subject">The subject code of that row.</param>
/// <param name="Message">What is wrong, in words for the user (without the subject's name or the line).</param>
public sealed record IntervalProblem(int Row, int Subject, string Message);
