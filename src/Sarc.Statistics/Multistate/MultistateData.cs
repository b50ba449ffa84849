namespace Sarc.Statistics.Multistate;

/// <summary>
/// Multistate interval data in plain arrays of equal length n (one row per interval, any order), the input of
/// <see cref="AalenJohansen"/>. Every subject starts in state 0.
/// </summary>
/// <param name="Subject">Subject code of each row, in [0, <paramref name="SubjectCount"/>).</param>
/// <param name="Start">Start of each interval (exclusive).</param>
/// <param name="Stop">End of each interval (inclusive), &gt; start.</param>
/// <param name="ToState">The state entered at the stop (0 … <paramref name="StateCount"/> - 1), or <see cref="AalenJohansen.Censored"/>.</param>
/// <param name="StateCount">Number of states, the initial state 0 included.</param>
/// <param name="SubjectCount">Number of subject codes.</param>
/// <param name="Absorbing">Per state, whether no subject may leave it (checked by <see cref="AalenJohansen.Check"/>); null = none.</param>
public sealed record MultistateData(
    int[] Subject, double[] Start, double[] Stop, int[] ToState, int StateCount, int SubjectCount, bool[]? Absorbing = null);
