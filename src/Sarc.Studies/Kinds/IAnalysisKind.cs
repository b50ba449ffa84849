using Sarc.Studies.Running;

namespace Sarc.Studies.Kinds;

/// <summary>
/// One analysis kind of a study definition (<c>kind: km</c>): the parameters it takes, the checks across them, and how
/// it runs on a cohort. What a run returns (<see cref="IAnalysisOutput"/>) writes its JSON and presents its tables and
/// figures. Every kind is registered once, in <see cref="AnalysisKindCatalog"/>; <see cref="AnalysisKind{TResult}"/>
/// is the base a kind derives from.
/// </summary>
public interface IAnalysisKind
{
    /// <summary>The name a definition uses (<c>kind: NAME</c>).</summary>
    string Name { get; }

    /// <summary>The parameters the kind accepts (besides <c>id</c>, <c>kind</c> and <c>title</c>), each checked by its role.</summary>
    IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>
    /// Checks across parameters that their roles cannot express (e.g. a grouping by an event after time zero needs a
    /// landmark); reports each mistake through <paramref name="error"/> with the parameter it concerns (null: the analysis).
    /// </summary>
    void Check(AnalysisDefinition analysis, Action<Parameter?, string> error);

    /// <summary>Runs the analysis on <paramref name="cohort"/> (the study's cohort with its derived columns).</summary>
    /// <exception cref="Sarc.Data.DataInputException">The analysis cannot run on these data (no events, one group level, bad values): the report shows the message.</exception>
    IAnalysisOutput Run(AnalysisDefinition analysis, DataFrame cohort);
}
