namespace Sarc.Registry.Domain;

/// <summary>Smoking history. Template codes <c>never</c>, <c>former</c>, <c>current</c>.</summary>
public enum SmokingStatus
{
    Never,
    Former,
    Current,
}
