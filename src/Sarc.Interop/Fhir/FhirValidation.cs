using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Sarc.Interop.Fhir;

/// <summary>
/// Validation of resources against the FHIR R4 core specification with Firely's validator and the specification
/// package (<c>Hl7.Fhir.Specification.Data.R4</c>, <c>specification.zip</c> next to the program). mCODE's own profiles
/// are named in <c>meta.profile</c> but are not part of that package, so the core definitions are what is checked.
/// Loading the specification takes seconds: make one and reuse it.
/// </summary>
public sealed class FhirValidation
{
    private readonly Validator validator;

    /// <summary>Loads the FHIR R4 core specification from the package's <c>specification.zip</c> (seconds: reuse the instance).</summary>
    public FhirValidation()
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        var terminology = new LocalTerminologyService(source.AsAsync());
        var settings = new ValidationSettings { SelectValidationProfiles = (_, _, _, _) => [] };
        validator = new Validator(source.AsAsync(), terminology, null, settings);
    }

    /// <summary>The errors (and fatal issues) of <paramref name="resource"/>, each as <c>location: message</c>; empty when valid.</summary>
    public IReadOnlyList<string> Errors(Resource resource)
    {
        var outcome = validator.Validate(resource);
        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(", ", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")];
    }
}
