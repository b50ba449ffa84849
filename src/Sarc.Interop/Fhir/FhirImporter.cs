using System.Security.Cryptography;
using System.Text;
using Sarc.Data;
using Sarc.Registry;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;

namespace Sarc.Interop.Fhir;

/// <summary>
/// <c>sarc fhir import</c>: a FHIR R4 bundle as <see cref="FhirExporter"/> writes it back into the registry. Every
/// resource is first validated against the FHIR R4 core specification; a bundle that does not validate is one line and
/// nothing changes. The rows then go through the registry's one import path (<see cref="MappedImport"/>), audited with
/// the bundle's file name and SHA-256.
/// </summary>
public static class FhirImporter
{
    /// <summary>
    /// Imports the bundle file <paramref name="path"/>; <paramref name="progress"/> hears <c>validating</c> (resources
    /// done of all) and then the import's own stages.
    /// </summary>
    /// <exception cref="DataInputException">The file cannot be read, is not a FHIR R4 bundle, or a resource does not validate.</exception>
    public static MappedImportResult ImportFile(Func<IRegistryStore> open, string path, FhirValidation validation, bool update, AuditContext audit,
        DateOnly asOf, IProgress<ImportProgress>? progress = null)
    {
        var bytes = InputFiles.ReadBytes(path, "BUNDLE");
        progress?.Report(new ImportProgress("checking", 0, 0));
        var bundle = FhirJson.Parse(Encoding.UTF8.GetString(bytes), path);
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            if (i % 100 == 0)
            {
                progress?.Report(new ImportProgress("validating", i, bundle.Entry.Count));
            }
            if (bundle.Entry[i].Resource is not { } resource)
            {
                throw new DataInputException($"{path}: entry {i + 1} holds no resource");
            }
            if (validation.Errors(resource) is [var first, ..] errors)
            {
                throw new DataInputException($"{path}: entry {i + 1} ({resource.TypeName}) does not validate against FHIR R4: {first}{(errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "")}; nothing imported");
            }
        }
        var (rows, origins, problems, patients) = FhirBundleReader.Read(bundle);
        if (problems.Count > 0)
        {
            return MappedImport.Failed(patients, [.. problems.Select(p => new MappedProblem(p))]);
        }
        var source = new ImportSource(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return MappedImport.Run(open, patients, rows, (file, index, error) => $"{origins[file][index]}: {error.Column}: {error.Problem}",
            source, update, audit, asOf, progress);
    }
}
