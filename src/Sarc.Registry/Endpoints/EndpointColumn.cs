namespace Sarc.Registry.Endpoints;

/// <summary>
/// One covariate of the endpoint datasets: a number (<see cref="Number"/>; NaN = missing, 0/1 for yes/no) or a text
/// (<see cref="Text"/>; null = missing), derived from a patient's <see cref="PatientEndpoints"/>.
/// </summary>
public sealed class EndpointColumn
{
    private EndpointColumn(string name, string meaning, Func<PatientEndpoints, double>? number, Func<PatientEndpoints, string?>? text)
    {
        Name = name;
        Meaning = meaning;
        Number = number;
        Text = text;
    }

    /// <summary>The column name (snake_case), the same in <c>sarc endpoints</c> and a study.</summary>
    public string Name { get; }

    /// <summary>What the column holds, for docs and help.</summary>
    public string Meaning { get; }

    /// <summary>True for a numeric column (<see cref="Number"/> set), false for a text column (<see cref="Text"/> set).</summary>
    public bool IsNumeric => Number is not null;

    /// <summary>The value of a numeric column; null for a text column.</summary>
    public Func<PatientEndpoints, double>? Number { get; }

    /// <summary>The value of a text column; null for a numeric column.</summary>
    public Func<PatientEndpoints, string?>? Text { get; }

    internal static EndpointColumn Numeric(string name, string meaning, Func<PatientEndpoints, double> value) => new(name, meaning, value, null);

    internal static EndpointColumn Textual(string name, string meaning, Func<PatientEndpoints, string?> value) => new(name, meaning, null, value);
}
