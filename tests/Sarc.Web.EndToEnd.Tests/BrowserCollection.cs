namespace Sarc.Web.EndToEnd.Tests;

/// <summary>The end-to-end tests run one after another against one <see cref="BrowserServer"/> (one server, one browser).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserServer>
{
    public const string Name = "browser";
}
