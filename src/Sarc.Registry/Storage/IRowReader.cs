namespace Sarc.Registry.Storage;

/// <summary>Forward-only typed reading of a query's rows (0-based columns).</summary>
internal interface IRowReader : IDisposable
{
    bool Read();

    bool IsNull(int index);

    string Text(int index);

    double Real(int index);

    int Integer(int index);

    long Long(int index);

    DateOnly Date(int index);

    DateTimeOffset Timestamp(int index);
}
