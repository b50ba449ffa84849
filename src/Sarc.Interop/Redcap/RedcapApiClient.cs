using System.Net;
using System.Text;
using System.Text.Json;
using Sarc.Data;

namespace Sarc.Interop.Redcap;

/// <summary>
/// REDCap's API as <c>sarc redcap pull</c> uses it: a POST of form fields to the project's API URL with its token —
/// <c>content=metadata</c> for the data dictionary and <c>content=record</c> (<c>type=flat</c>, raw codes) for the
/// records, both <c>format=csv</c>, as REDCap's API documentation states them.
/// </summary>
public sealed class RedcapApiClient(HttpClient http, Uri url, string token)
{
    /// <summary>The API URL the client posts to.</summary>
    public Uri Url => url;

    /// <summary>The data dictionary (<c>content=metadata</c>) as REDCap sends it: CSV with the API's 18 column names.</summary>
    /// <exception cref="DataInputException">REDCap cannot be reached or refuses (its message in one line).</exception>
    public byte[] ExportMetadata() => Post("the data dictionary",
        [new("content", "metadata"), new("format", "csv"), new("returnFormat", "json")]);

    /// <summary>Every record (<c>content=record</c>, <c>type=flat</c>, raw codes and headers) as REDCap sends them: CSV.</summary>
    /// <exception cref="DataInputException">As <see cref="ExportMetadata"/>.</exception>
    public byte[] ExportRecords() => Post("the records",
        [new("content", "record"), new("action", "export"), new("format", "csv"), new("type", "flat"), new("csvDelimiter", ","),
         new("rawOrLabel", "raw"), new("rawOrLabelHeaders", "raw"), new("exportCheckboxLabel", "false"),
         new("exportSurveyFields", "false"), new("exportDataAccessGroups", "false"), new("returnFormat", "json")]);

    /// <summary>Reads an API token from <paramref name="path"/>: 32 (or a super token's 64) hexadecimal characters, surrounding white space ignored.</summary>
    /// <exception cref="DataInputException">The file cannot be read or holds no token.</exception>
    public static string ReadToken(string path)
    {
        var token = InputFiles.ReadText(path, "--token-file").Trim();
        if (token.Length is not (32 or 64) || !token.All(Uri.IsHexDigit))
        {
            throw new DataInputException($"--token-file: '{path}' does not hold a REDCap API token (32 hexadecimal characters)");
        }
        return token;
    }

    /// <summary>The API URL of <paramref name="text"/>: an absolute http or https URL.</summary>
    /// <exception cref="DataInputException">Not such a URL.</exception>
    public static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new DataInputException($"--url: '{text}' is not an http(s) URL such as https://redcap.example.org/api/");

    private byte[] Post(string what, KeyValuePair<string, string>[] fields)
    {
        using var content = new FormUrlEncodedContent([new("token", token), .. fields]);
        HttpResponseMessage response;
        try
        {
            response = http.PostAsync(url, content).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new DataInputException($"--url: {url} cannot be reached for {what}: {e.Message}");
        }
        using (response)
        {
            var body = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DataInputException($"--url: REDCap refused {what} ({(int)response.StatusCode} {response.ReasonPhrase}): {ErrorText(body)}");
            }
            return body;
        }
    }

    /// <summary>REDCap's error message: <c>{"error": "..."}</c>, or the body's first line.</summary>
    private static string ErrorText(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
            {
                return error.ToString();
            }
        }
        catch (JsonException)
        {
        }
        var line = text.Split('\n', 2)[0];
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
