namespace Sarc.Web.Pages;

/// <summary>How a form field is entered: the HTML control a registry column gets.</summary>
public enum FieldInput
{
    /// <summary>Free text (<c>&lt;input&gt;</c>).</summary>
    Text,

    /// <summary>A date (<c>&lt;input type=date&gt;</c>, sent as <c>YYYY-MM-DD</c>).</summary>
    Date,

    /// <summary>A number with decimals (<c>&lt;input type=number step=any&gt;</c>).</summary>
    Number,

    /// <summary>A whole number (<c>&lt;input type=number step=1&gt;</c>).</summary>
    Integer,

    /// <summary>One code of a registry code table (<c>&lt;select&gt;</c>; "not recorded" first where the value may be empty).</summary>
    Choice,
}
