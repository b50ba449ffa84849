using Sarc.Registry.LongFormat;
using Sarc.Registry.Storage;

namespace Sarc.Trust.Tests;

/// <summary>What a registry holds, as bytes to compare: its long-format export, the six files one after another.</summary>
internal static class RegistrySnapshot
{
    public static string Export(string db)
    {
        using var store = RegistryStore.Open(db);
        var records = store.LoadPatients();
        var text = new StringWriter();
        foreach (var file in LongFiles.All)
        {
            text.Write($"== {file.Name}\n");
            LongFormatWriter.WriteCsv(records, file, text);
        }
        return text.ToString();
    }
}
