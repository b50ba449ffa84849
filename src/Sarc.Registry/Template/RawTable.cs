namespace Sarc.Registry.Template;

/// <summary>The cells of a template file as text, before any validation. <c>Lines[i]</c> is the file line of <c>Rows[i]</c>.</summary>
internal sealed record RawTable(string Source, string[] Header, List<string[]> Rows, List<int> Lines);
