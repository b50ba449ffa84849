namespace Sarc.Studies.Reports;

/// <summary>One analysis as the page shows it: its number, anchor, caption, kind, and either its blocks and warnings or why it did not run.</summary>
public sealed record AnalysisSection(int Number, string Anchor, string Caption, string Kind, string? Error, IReadOnlyList<WrittenBlock> Blocks, IReadOnlyList<string> Warnings);
