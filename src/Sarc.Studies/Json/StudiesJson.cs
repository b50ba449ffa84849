using Sarc.Studies.Prediction;
using Sarc.Studies.Running;

namespace Sarc.Studies.Json;

/// <summary>
/// The JSON rows of this project's outputs (<c>--json</c>, results.json, a registered model's stored validation),
/// source-generated so that a command serializes them without reflection at start-up. Every record a report writes
/// through <see cref="SarcJson.WriteRecord{T}"/> is listed here and written with <see cref="Rows"/>: SarcJson's
/// record settings (snake_case, NaN as null) over this context.
/// </summary>
[JsonSerializable(typeof(IEnumerable<CifReport.CauseJson>))]
[JsonSerializable(typeof(IEnumerable<CifReport.GrayJson>))]
[JsonSerializable(typeof(IEnumerable<CompareReport.GroupJson>))]
[JsonSerializable(typeof(IEnumerable<CompareReport.VariableJson>))]
[JsonSerializable(typeof(IEnumerable<CorrelationReport.PairJson>))]
[JsonSerializable(typeof(IEnumerable<JsonNumbers.CoefficientJson>))]
[JsonSerializable(typeof(KmReport.MedianJson))]
[JsonSerializable(typeof(IEnumerable<KmReport.AtJson>))]
[JsonSerializable(typeof(IEnumerable<ModelReport.ModelCoefficientJson>))]
[JsonSerializable(typeof(IEnumerable<ModelReport.BaselineJson>))]
[JsonSerializable(typeof(ModelReport.SlopeJson))]
[JsonSerializable(typeof(IEnumerable<ModelReport.AtTimeJson>))]
[JsonSerializable(typeof(ModelReport.BootstrapJson))]
[JsonSerializable(typeof(IEnumerable<ModelReport.ThresholdJson>))]
[JsonSerializable(typeof(IEnumerable<ModelReport.PredictorJson>))]
[JsonSerializable(typeof(ModelReport.AxisJson))]
[JsonSerializable(typeof(IEnumerable<ModelReport.OutcomeJson>))]
[JsonSerializable(typeof(ModelValidationSummary.StoredSlopeJson))]
[JsonSerializable(typeof(IReadOnlyList<ValidationFigures>))]
[JsonSerializable(typeof(ValidationFigures[]))]
[JsonSerializable(typeof(IEnumerable<Provenance.StudyJson>))]
[JsonSerializable(typeof(Provenance.DataJson))]
[JsonSerializable(typeof(IEnumerable<ResultsJson.SeedJson>))]
internal sealed partial class StudiesJson : JsonSerializerContext
{
    /// <summary>SarcJson's record settings over this context (reflection only for a record not listed).</summary>
    public static JsonSerializerOptions Rows { get; } = SarcJson.RecordsWith(new StudiesJson());
}
