namespace Sarc.Studies.Reports;

/// <summary>
/// A file the report writes next to its page and links from it, for use outside the report (a model analysis's model
/// file, for <c>sarc model apply</c> and <c>sarc model register</c>): written as <c>STUDY-ANALYSIS{Suffix}{Extension}</c>.
/// </summary>
/// <param name="Suffix">Appended to the analysis's file name.</param>
/// <param name="Extension">The file's extension with its dot (<c>.yaml</c>).</param>
/// <param name="Content">The file's text (written as UTF-8 without a byte-order mark).</param>
/// <param name="Link">The link's text in the page.</param>
/// <param name="Caption">Plain text before the link.</param>
public sealed record ReportFile(string Suffix, string Extension, string Content, string Link, string Caption) : ReportBlock(Suffix, Caption);
