namespace Sarc.Registry.Storage;

/// <summary>
/// A prepared statement executed once per row with typed parameter values (0-based, in order of appearance in the
/// SQL), so that the hot import loop neither boxes values nor looks parameters up by name.
/// </summary>
internal interface IRowCommand : IDisposable
{
    void Text(int index, string? value);

    void Real(int index, double? value);

    void Integer(int index, int? value);

    void Long(int index, long value);

    void Date(int index, DateOnly? value);

    void Timestamp(int index, DateTimeOffset value);

    void Execute();
}
