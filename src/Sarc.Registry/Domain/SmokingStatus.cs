namespace Sarc.Registry.Domain;

/// <summary>Smoking history. Template codes <c>never</c>, <c>former</c>, <c>current</c>.</summary>
public enum SmokingStatus
{
    /// <summary>Never smoked (code <c>never</c>); <c>ever_smoker</c> = 0.</summary>
    Never,
    /// <summary>Smoked in the past (code <c>former</c>); <c>ever_smoker</c> = 1.</summary>
    Former,
    /// <summary>Smokes now (code <c>current</c>); <c>ever_smoker</c> = 1.</summary>
    Current,
}
