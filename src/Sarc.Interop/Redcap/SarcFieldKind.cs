namespace Sarc.Interop.Redcap;

/// <summary>What a long-format column holds, which decides its REDCap field type and validation.</summary>
public enum SarcFieldKind
{
    /// <summary>Free text: REDCap <c>text</c> without validation.</summary>
    Text,
    /// <summary>A date: REDCap <c>text</c> validated <c>date_ymd</c> (YYYY-MM-DD).</summary>
    Date,
    /// <summary>A decimal number: REDCap <c>text</c> validated <c>number</c>, with the column's range.</summary>
    Number,
    /// <summary>A whole number: REDCap <c>text</c> validated <c>integer</c>, with the column's range.</summary>
    Integer,
    /// <summary>One of a registry code list: REDCap <c>radio</c> (up to 4 choices) or <c>dropdown</c>, choices numbered from 1.</summary>
    Choice,
    /// <summary>A yes/no field: REDCap <c>yesno</c> (1 = yes, 0 = no).</summary>
    YesNo,
}
