namespace Sarc.Statistics.Multistate;

/// <summary>A row of multistate interval data that cannot be used, found by <see cref="AalenJohansen.Check"/>.</summary>
/// <param name="Row">Index of the offending row in the caller's arrays.</param>
/// <param name="Subject">The subject code of that row.</param>
/// <param name="Message">What is wrong, in words for the user (without the subject's name or the line).</param>
/// <param name="AbsorbingState">For a row after a move into an absorbing state, that state; otherwise -1.</param>
/// <param name="AbsorbedAt">For such a row, the time the absorbing state was entered; otherwise NaN.</param>
public sealed record IntervalProblem(int Row, int Subject, string Message, int AbsorbingState = -1, double AbsorbedAt = double.NaN)
    : DataProblem(Message, Row);
