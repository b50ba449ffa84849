namespace Sarc.Web.Pages;

/// <summary>A link a page offers: a local URL and its text.</summary>
public sealed record Link(string Url, string Text);
