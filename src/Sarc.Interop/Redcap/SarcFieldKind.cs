namespace Sarc.Interop.Redcap;

/// <summary>What a long-format column holds, which decides its REDCap field type and validation.</summary>
public enum SarcFieldKind
{
    Text,
    Date,
    Number,
    Integer,
    Choice,
    YesNo,
}
