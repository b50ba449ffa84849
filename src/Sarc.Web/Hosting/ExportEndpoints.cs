using System.IO.Compression;
using System.Text;
using Sarc.Interop.Pseudonymization;
using Sarc.Registry.LongFormat;

namespace Sarc.Web.Hosting;

/// <summary>
/// <c>GET /export/pseudonymized.zip</c>: the pseudonymized long export (<c>sarc export --pseudonymize</c>) of the patients
/// the user may see — for an investigator, the patients of their centers and no other — as a zip of the six CSV files,
/// with the server's pseudonym key (<see cref="WebOptions.PseudonymKeyPath"/>).
/// </summary>
internal static class ExportEndpoints
{
    public const string Route = "/export/pseudonymized.zip";

    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        app.MapGet(Route, (HttpContext http) =>
        {
            using var session = Session.Open(http);
            var key = PseudonymKey.ReadOrCreate(options.PseudonymKeyPath);
            var pseudonymized = Pseudonymizer.Apply(session.Access.Visible(), key, keepText: false);
            var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in LongFiles.All)
                {
                    using var writer = new StreamWriter(archive.CreateEntry(file.Name + ".csv").Open(), new UTF8Encoding(false));
                    pseudonymized.WriteCsv(file, writer);
                }
            }
            http.Response.Headers.ContentDisposition = "attachment; filename=\"pseudonymized.zip\"";
            return Results.Bytes(zip.ToArray(), "application/zip");
        });
    }
}
