using System.Text;
using Sarc.Registry.Audit;

namespace Sarc.Registry.Tests.Audit;

/// <summary>The canonical bytes and hash of an audit record (docs/audit.md), and the chain's verdicts on hand-made chains.</summary>
public sealed class AuditChainTest
{
    private static readonly AuditEntry Example = new(
        1, new DateTimeOffset(2026, 12, 3, 14, 7, 21, TimeSpan.Zero).AddTicks(1_234_560), "ana", AuditAction.Insert, "P1", "patient", null,
        null, """{"patient_id":"P1"}""", "in.csv", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null);

    [Fact]
    public void Hash_DocumentedExample_MatchesDocsAuditMd()
    {
        var expected = string.Join('\n',
            "sarc-audit-v1", AuditChain.Genesis, "28:2026-12-03T14:07:21.1234560Z", "3:ana", "6:insert", "2:P1", "7:patient", "~", "~", "~",
            """19:{"patient_id":"P1"}""", "6:in.csv", "64:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "~") + "\n";

        Assert.Equal(expected, Encoding.UTF8.GetString(AuditChain.Canonical(AuditChain.Genesis, Example)));
        Assert.Equal("029dc8687c5fe70828e9de397bc71e71af9d7ff584b9a4ce57d3881b8c83d703", AuditChain.Hash(AuditChain.Genesis, Example));
    }

    [Fact]
    public void Canonical_LengthPrefix_KeepsValuesWithLineBreaksApart()
    {
        // "a\n1:b" in one field and "a" then "b" in two would read alike without the byte lengths.
        var one = Example with { Who = "a\n1:b", Entity = "" };
        var two = Example with { Who = "a", Entity = "b" };

        Assert.NotEqual(AuditChain.Hash(AuditChain.Genesis, one), AuditChain.Hash(AuditChain.Genesis, two));
        Assert.Contains("5:a\n1:b\n", Encoding.UTF8.GetString(AuditChain.Canonical(AuditChain.Genesis, one)));
    }

    [Fact]
    public void Verify_HandMadeChain_IsIntact_AndEachKindOfDamageIsNamed()
    {
        var chain = Chain(4);
        Assert.Equal(new AuditVerification(true, 4, new AuditHead(4, chain[3].Sha256!), null, null), AuditChain.Verify(chain));

        Assert.Equal(2, AuditChain.Verify([chain[0], chain[1] with { Reason = "x" }, chain[2], chain[3]]).BrokenAt);
        Assert.Equal(3, AuditChain.Verify([chain[0], chain[2], chain[3]]).BrokenAt);
        Assert.Equal("audit entry 2 is out of order: it follows entry 3 in the chain",
            AuditChain.Verify([chain[0], chain[2] with { Id = 2 }, chain[1] with { Id = 3 }, chain[3]]).Problem);
        Assert.Equal("audit entry 1 has no hash: it was not written by sarc", AuditChain.Verify([chain[0] with { Sha256 = null }]).Problem);
        Assert.True(AuditChain.Verify(chain[..2], new AuditHead(2, chain[1].Sha256!)).IsIntact);
        Assert.False(AuditChain.Verify(chain[..2], new AuditHead(4, chain[3].Sha256!)).IsIntact);
    }

    [Theory]
    [InlineData("12:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("12:" + "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", true)]
    [InlineData("12:0123", false)]
    [InlineData("0:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("x:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", false)]
    [InlineData("", false)]
    public void AuditHead_TryParse_ReadsOnlyIdColonSha256(string text, bool valid)
    {
        Assert.Equal(valid, AuditHead.TryParse(text, out var head));
        if (valid)
        {
            Assert.Equal(text.ToLowerInvariant(), head.ToString());
        }
    }

    private static AuditEntry[] Chain(int n)
    {
        var entries = new AuditEntry[n];
        var previous = AuditChain.Genesis;
        for (var i = 0; i < n; i++)
        {
            var entry = Example with { Id = i + 1, PatientId = $"P{i + 1}", PreviousSha256 = previous };
            entries[i] = entry with { Sha256 = AuditChain.Hash(previous, entry) };
            previous = entries[i].Sha256!;
        }
        return entries;
    }
}
