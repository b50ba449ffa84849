namespace Sarc.Web.Hosting;

/// <summary>How <c>sarc serve</c> runs: the registry <c>--db</c> value, the listening URLs and the clock (tests fix it).</summary>
public sealed record WebOptions(string Database, string Urls = "http://localhost:5080")
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
