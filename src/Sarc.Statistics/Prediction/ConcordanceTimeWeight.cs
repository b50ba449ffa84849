namespace Sarc.Statistics.Prediction;

/// <summary>How the comparable pairs at each event time are weighted (R <c>concordance(..., timewt)</c>).</summary>
public enum ConcordanceTimeWeight
{
    /// <summary>Every pair counts once: Harrell's C (R <c>timewt = "n"</c>).</summary>
    Harrell,

    /// <summary>Pairs at event time t weighted by 1 / G(t-)², G the Kaplan-Meier of the censoring: Uno's C (R <c>timewt = "n/G2"</c>).</summary>
    Uno,
}
