namespace Sarc.Studies.Kinds;

/// <summary>
/// The parameters several kinds accept with one meaning, declared once so that each means the same in every kind's
/// parameter table; <see cref="KindInputs"/> reads them.
/// </summary>
internal static class KindParameters
{
    /// <summary><c>endpoint</c>, required: the endpoint analysed, read from its columns <c>NAME_months</c> and <c>NAME_event</c>.</summary>
    public static ParameterSpec Endpoint { get; } = new("endpoint", ParameterRole.Endpoint, true);

    /// <summary><c>formula</c>, required: the model's right-hand side (<c>~ age + grade</c>).</summary>
    public static ParameterSpec Formula { get; } = new("formula", ParameterRole.Formula, true);

    /// <summary><c>group</c>, optional: the column whose levels are estimated and compared apart.</summary>
    public static ParameterSpec Group { get; } = new("group", ParameterRole.Column, false);

    /// <summary><c>at</c>, optional: the times (months) at which estimates are read.</summary>
    public static ParameterSpec At { get; } = new("at", ParameterRole.Numbers, false);

    /// <summary><c>cause</c>, optional: the status code of the cause modelled in a competing-risks endpoint (default 1).</summary>
    public static ParameterSpec Cause { get; } = new("cause", ParameterRole.Number, false);

    /// <summary><c>conf_level</c>, optional: the level of the confidence intervals (default <see cref="KindInputs.DefaultConfidenceLevel"/>).</summary>
    public static ParameterSpec ConfLevel { get; } = new("conf_level", ParameterRole.Number, false);
}
