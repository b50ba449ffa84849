using Sarc.Studies.Json;

namespace Sarc.Studies.Tests.Json;

/// <summary>
/// Every JSON row record of Sarc.Studies is in the source-generated <see cref="StudiesJson"/> context: a record left
/// out would still serialize (through reflection) but cost every command that writes it the serializer's reflection
/// start-up, which nothing else would notice.
/// </summary>
public class StudiesJsonTest
{
    [Fact]
    public void EveryRowRecord_IsSourceGenerated()
    {
        var context = new StudiesJson();
        var rows = typeof(StudiesJson).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Json", StringComparison.Ordinal) && t.GetMethod("<Clone>$") is not null)
            .ToArray();

        Assert.True(rows.Length >= 20, $"found only {rows.Length} row records: the search no longer finds them");
        var missing = rows.Where(t => context.GetTypeInfo(t) is null).Select(t => t.FullName).ToArray();
        Assert.True(missing.Length == 0, "not in StudiesJson: " + string.Join(", ", missing));
    }
}
