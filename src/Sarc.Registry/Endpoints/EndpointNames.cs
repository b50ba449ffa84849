using Sarc.Data;

namespace Sarc.Registry.Endpoints;

/// <summary>The names of the endpoints: on the command line (<c>post-relapse-os</c>) and as study columns (<c>post_relapse_os_months</c>).</summary>
public static class EndpointNames
{
    // In EndpointKind order.
    private static readonly string[] Names = ["os", "dfs", "lrfs", "dmfs", "lr-cr", "post-relapse-os", "multistate", "dm-cr", "pfs", "pm-dfs", "pm-os", "stfs"];

    /// <summary>The single-row endpoints in the order the CLI lists them and a study's dataset holds them.</summary>
    public static IReadOnlyList<EndpointKind> SingleRow { get; } =
    [
        EndpointKind.OverallSurvival, EndpointKind.DiseaseFreeSurvival, EndpointKind.LocalRecurrenceFree, EndpointKind.DistantMetastasisFree,
        EndpointKind.ProgressionFreeSurvival, EndpointKind.LocalRecurrenceCompetingRisks, EndpointKind.DistantMetastasisCompetingRisks,
        EndpointKind.PostRelapseSurvival, EndpointKind.PostMetastasectomyDiseaseFree, EndpointKind.PostMetastasectomySurvival,
        EndpointKind.SystemicTherapyFreeSurvival,
    ];

    /// <summary>Every command-line name, in the order of <see cref="SingleRow"/> then <c>multistate</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. SingleRow.Select(NameOf), NameOf(EndpointKind.Multistate)];

    /// <summary>The command-line name of <paramref name="kind"/> (<c>os</c>, <c>lr-cr</c>, <c>post-relapse-os</c>).</summary>
    public static string NameOf(EndpointKind kind) => Names[(int)kind];

    /// <summary>The name as a study column prefix: <c>-</c> becomes <c>_</c> (<c>lr_cr</c>, <c>post_relapse_os</c>).</summary>
    public static string StudyNameOf(EndpointKind kind) => NameOf(kind).Replace('-', '_');

    /// <summary>The study column of an endpoint's time: <c>NAME_months</c>, months from its origin to the event or censoring.</summary>
    /// <param name="studyName">The endpoint's study name (<see cref="StudyNameOf"/>), e.g. <c>os</c>.</param>
    public static string MonthsColumn(string studyName) => studyName + "_months";

    /// <summary>The study column of an endpoint's status: <c>NAME_event</c> (0 censored, 1 event; 2 a competing death).</summary>
    /// <param name="studyName">The endpoint's study name (<see cref="StudyNameOf"/>), e.g. <c>os</c>.</param>
    public static string EventColumn(string studyName) => studyName + "_event";

    /// <summary>The endpoint's survival response in a formula: <c>Surv(NAME_months, NAME_event)</c>.</summary>
    /// <param name="studyName">The endpoint's study name (<see cref="StudyNameOf"/>), e.g. <c>os</c>.</param>
    public static string Response(string studyName) => $"Surv({MonthsColumn(studyName)}, {EventColumn(studyName)})";

    /// <summary>Whether the endpoint's status is competing risks (0 censored, 1 event, 2 competing death) rather than 0/1.</summary>
    public static bool IsCompetingRisks(EndpointKind kind) => kind is EndpointKind.LocalRecurrenceCompetingRisks or EndpointKind.DistantMetastasisCompetingRisks;

    /// <exception cref="DataInputException">Not an endpoint name; the message lists the valid ones.</exception>
    public static EndpointKind Parse(string name)
    {
        var index = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        return index >= 0
            ? (EndpointKind)index
            : throw new DataInputException($"unknown endpoint '{name}'; the endpoints are: {string.Join(", ", All)}");
    }
}
