using Sarc.Data;
using Sarc.Registry.Audit;
using Sarc.Registry.Storage;

namespace Sarc.Registry.Tests.Storage;

/// <summary>The server's reused connections: one caller per connection, and every read sees what is committed when it runs.</summary>
public sealed class RegistryPoolTest : IDisposable
{
    private static readonly AuditContext Alice = new("alice", new FixedClock());

    private readonly string file = TemplateText.TempPath(".db");

    public RegistryPoolTest()
    {
        using var store = RegistryStore.Open(file);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }
    }

    [Fact]
    public void Rent_AfterDispose_ReusesTheConnection_AndSeesACommitMadeOnAnotherConnectionSince()
    {
        using var pool = RegistryPool.Open(file);
        var first = pool.Rent();
        Assert.Equal(0, first.CountPatients());
        first.Dispose();

        using (var other = RegistryStore.Open(file))
        {
            Assert.True(other.Import(TemplateText.Parse(new TemplateText().Add("P1").Add("P2").Csv()).Rows, update: false, Alice, null).Succeeded);
        }
        using var again = pool.Rent();

        Assert.Same(first, again);
        Assert.Equal(2, again.CountPatients());
        Assert.Equal(["P1", "P2"], again.FindPatients(PatientFilter.All, 0, 10).Patients.Select(p => p.Id));
    }

    [Fact]
    public void Rent_WhileAnotherCallerHoldsOne_GivesAConnectionOfItsOwn_AndADoubleDisposeReturnsItOnce()
    {
        using var pool = RegistryPool.Open(file);
        var held = pool.Rent();
        using var second = pool.Rent();
        Assert.NotSame(held, second);

        held.Dispose();
        held.Dispose();
        using var third = pool.Rent();
        using var fourth = pool.Rent();

        // Disposed twice, the store went back once: two callers never share one connection.
        Assert.NotSame(third, fourth);
        Assert.Equal(0, fourth.CountPatients());
    }

    [Fact]
    public void Open_MissingFile_IsRefusedWithoutCreatingIt()
    {
        var missing = TemplateText.TempPath(".db");

        var error = Assert.Throws<DataInputException>(() => RegistryPool.Open(missing));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Dispose_ClosesTheIdleConnections_AndRentIsRefusedAfterwards()
    {
        var pool = RegistryPool.Open(file);
        var store = pool.Rent();
        store.Dispose();

        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
        // The idle connection was closed: the file can be replaced as by a restore.
        Assert.ThrowsAny<InvalidOperationException>(() => store.CountPatients());
    }
}
