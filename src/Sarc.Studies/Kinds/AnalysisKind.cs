using Sarc.Studies.Running;

namespace Sarc.Studies.Kinds;

/// <summary>
/// The base of an analysis kind whose runs produce a <typeparamref name="TResult"/>: the kind parses its parameters and
/// runs (<see cref="Run(AnalysisDefinition, DataFrame)"/>), writes the result's JSON (<see cref="WriteJson"/>, the
/// matching CLI command's properties) and presents it as tables and figures (<see cref="Present"/>); the report writes
/// the figure and CSV files and renders the HTML from that presentation. A kind passes its name and parameter table to
/// the constructor.
/// </summary>
/// <param name="name">The name a definition uses (<c>kind: NAME</c>).</param>
/// <param name="parameters">The parameters the kind accepts, each checked by its role.</param>
public abstract class AnalysisKind<TResult>(string name, IReadOnlyList<ParameterSpec> parameters) : IAnalysisKind
    where TResult : notnull
{
    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <inheritdoc/>
    public IReadOnlyList<ParameterSpec> Parameters { get; } = parameters;

    /// <inheritdoc/>
    public virtual void Check(AnalysisDefinition analysis, Action<Parameter?, string> error)
    {
    }

    /// <summary>Runs the analysis; see <see cref="IAnalysisKind.Run"/>.</summary>
    public abstract TResult Run(AnalysisDefinition analysis, DataFrame cohort);

    /// <summary>Statistical trouble the report notes under the analysis (and results.json lists).</summary>
    public abstract IReadOnlyList<string> Warnings(TResult result);

    /// <summary>Writes the result's properties into the analysis's open JSON object in results.json.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer, TResult result, AnalysisDefinition analysis);

    /// <summary>The result as the report shows it: tables (each also written as CSV) and figures, in page order.</summary>
    public abstract IReadOnlyList<ReportBlock> Present(TResult result, ReportContext context);

    IAnalysisOutput IAnalysisKind.Run(AnalysisDefinition analysis, DataFrame cohort) => new Output(this, analysis, Run(analysis, cohort));

    private sealed class Output(AnalysisKind<TResult> kind, AnalysisDefinition analysis, TResult value) : IAnalysisOutput
    {
        public object Value => value;

        public IReadOnlyList<string> Warnings => kind.Warnings(value);

        public void WriteJson(Utf8JsonWriter writer) => kind.WriteJson(writer, value, analysis);

        public IReadOnlyList<ReportBlock> Present(ReportContext context) => kind.Present(value, context);
    }
}
