using System.Collections.Concurrent;

namespace Sarc.Registry.Storage;

/// <summary>
/// Open connections to one registry, handed out one at a time for a long-running server (<c>sarc serve</c>): a
/// connection is opened and migrated once and then reused, instead of each request opening the database, setting its
/// pragmas and checking its migrations again. <see cref="Rent"/> gives a store that belongs to the caller alone until
/// it is disposed, which returns it here. Reads see every change committed before they start, as on a new connection
/// (SQLite in WAL mode and PostgreSQL both read the latest committed data outside a transaction); nothing read is kept.
/// The pool may be shared between threads.
/// </summary>
public sealed class RegistryPool : IDisposable
{
    /// <summary>At most this many idle connections are kept; more are closed when returned (a burst opens what it needs).</summary>
    public const int MaxIdle = 16;

    private readonly ConcurrentBag<SqlRegistryStore> _idle = [];
    private int _idleCount;
    private volatile bool _disposed;

    private RegistryPool(string database) => Database = database;

    /// <summary>The <c>--db</c> value the connections are opened on.</summary>
    public string Database { get; }

    /// <summary>A pool over the existing registry <paramref name="db"/>; one connection is opened now (so its migrations apply, and a database that cannot be opened is reported now).</summary>
    /// <exception cref="Sarc.Data.DataInputException">The SQLite file does not exist, or the database cannot be opened.</exception>
    public static RegistryPool Open(string db)
    {
        RegistryStore.RequireExisting(db);
        var pool = new RegistryPool(db);
        pool.RentSql().Dispose();
        return pool;
    }

    /// <summary>A store on a connection of its own until disposed; dispose it (at the end of the request) to give the connection back.</summary>
    /// <exception cref="Sarc.Data.DataInputException">A new connection was needed and the database cannot be opened.</exception>
    /// <exception cref="ObjectDisposedException">The pool was disposed.</exception>
    public IRegistryStore Rent() => RentSql();

    /// <summary>As <see cref="Rent"/>, typed for what shares the registry's database inside this assembly (accounts, models).</summary>
    internal SqlRegistryStore RentSql()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var store))
        {
            store = OpenNew();
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }
        store.Rented();
        return store;
    }

    private SqlRegistryStore OpenNew()
    {
        var store = RegistryStore.OpenSql(Database);
        store.ReturnTo = this;
        return store;
    }

    /// <summary>Takes <paramref name="store"/> back: kept for the next caller when its connection is still open and there is room, else closed.</summary>
    internal void Return(SqlRegistryStore store)
    {
        if (!_disposed && store.IsOpen)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Add(store);
                if (_disposed)
                {
                    // Disposed while this one was being returned: it must not stay open.
                    CloseIdle();
                }
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        store.Close();
    }

    /// <summary>Closes the idle connections; those still rented are closed when they are returned.</summary>
    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var store))
        {
            Interlocked.Decrement(ref _idleCount);
            store.Close();
        }
    }
}
