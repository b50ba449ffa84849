namespace Sarc.Registry.Storage;

/// <summary>Forward-only typed reading of a query's rows (0-based columns).</summary>
internal interface IRowReader : IDisposable
{
    bool Read();

    bool IsNull(int index);

    string Text(int index);

    /// <summary>The text cell as UTF-8 bytes, valid until the next <see cref="Read"/>: lets hot loops compare ids and codes without a string per cell.</summary>
    ReadOnlySpan<byte> Utf8(int index);

    double Real(int index);

    int Integer(int index);

    long Long(int index);

    DateOnly Date(int index);

    DateTimeOffset Timestamp(int index);
}
