namespace Sarc.Statistics.Prediction;

/// <summary>
/// What happened to each patient a prediction is checked against: follow-up time and status, 0 = censored,
/// <see cref="Cause"/> = the event predicted, any other positive code a competing event (competing risks only).
/// </summary>
/// <param name="Time">Follow-up times, finite and &gt;= 0, in the unit of the model's times (months in Sarc).</param>
/// <param name="Status">0 = censored, <paramref name="Cause"/> = the event, another positive code = a competing event.</param>
/// <param name="Cause">The status code of the event predicted (1 for survival data).</param>
/// <param name="CompetingRisks">
/// True for a competing-risks outcome: observed risks are Aalen-Johansen cumulative incidences (cmprsk's
/// <c>cuminc</c>); false for survival (status 0/1), where they are 1 − Kaplan-Meier.
/// </param>
public sealed record PredictionOutcome(double[] Time, int[] Status, int Cause, bool CompetingRisks)
{
    /// <summary>A survival outcome: 1 = event, 0 = censored.</summary>
    public static PredictionOutcome Survival(double[] time, double[] status) =>
        new(time, status.Select(s => s != 0 ? 1 : 0).ToArray(), 1, false);

    /// <summary>Number of patients, the length of <see cref="Time"/>.</summary>
    public int Count => Time.Length;

    /// <summary>1 for an event of the cause predicted, 0 otherwise (censored or competing): a Cox model's status.</summary>
    public double[] EventIndicator()
    {
        var indicator = new double[Status.Length];
        for (var i = 0; i < indicator.Length; i++)
        {
            indicator[i] = Status[i] == Cause ? 1 : 0;
        }
        return indicator;
    }

    /// <summary>Whether patient <paramref name="i"/> had the event predicted.</summary>
    public bool IsEvent(int i) => Status[i] == Cause;

    /// <summary>The rows at <paramref name="rows"/> (repeats allowed, as a bootstrap sample).</summary>
    public PredictionOutcome Select(IReadOnlyList<int> rows)
    {
        var time = new double[rows.Count];
        var status = new int[rows.Count];
        for (var i = 0; i < time.Length; i++)
        {
            time[i] = Time[rows[i]];
            status[i] = Status[rows[i]];
        }
        return this with { Time = time, Status = status };
    }

    /// <exception cref="ArgumentException">Lengths differ, a time is negative or not finite, or a status is negative.</exception>
    internal void Validate(int expectedCount, string name)
    {
        Preconditions.SameLength(expectedCount, Time.Length, name);
        Preconditions.SameLength(Time.Length, Status.Length, nameof(Status));
        for (var i = 0; i < Time.Length; i++)
        {
            if (!(Time[i] >= 0) || double.IsInfinity(Time[i]) || Status[i] < 0)
            {
                throw new ArgumentException($"Row {i}: time must be finite and >= 0 and status >= 0.", name);
            }
        }
    }
}
