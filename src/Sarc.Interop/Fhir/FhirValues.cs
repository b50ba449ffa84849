using System.Globalization;
using Hl7.Fhir.Model;
using Sarc.Interop.Redcap;
using Sarc.Registry.LongFormat;

namespace Sarc.Interop.Fhir;

/// <summary>
/// A long-format cell as a FHIR value and back, by what the column holds (<see cref="SarcField.Kind"/>): a code as a
/// <c>CodeableConcept</c> in Sarc's system for the column, a number as a <c>Quantity</c> (exact: the decimal of the
/// cell's shortest round-trip text), an integer as <c>integer</c>, yes/no as <c>boolean</c>, text as <c>string</c>.
/// </summary>
public static class FhirValues
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["size_cm"] = "cm", ["max_lesion_cm"] = "cm", ["bmi"] = "kg/m2", ["necrosis_pct"] = "%",
    };

    /// <summary>Sarc's code system of a coded column: <c>…/CodeSystem/surgeries.margin</c>.</summary>
    public static string System(LongFile file, string column) => $"{Mcode.SarcSystem}{file.Name}.{column}";

    /// <summary>The coding of Sarc code <paramref name="code"/> of a column, with the code table's label as display.</summary>
    public static Coding Coding(LongFile file, string column, string code)
    {
        var field = Field(file, column);
        var i = field.Codes.ToList().IndexOf(code);
        return new Coding(System(file, column), code, i >= 0 ? field.CodeLabels[i] : null);
    }

    /// <summary>The Sarc code of <paramref name="concept"/> for a column ("" when it has no coding in the column's system).</summary>
    public static string Code(CodeableConcept? concept, LongFile file, string column) =>
        concept?.Coding.FirstOrDefault(c => c.System == System(file, column))?.Code ?? "";

    /// <summary>A non-empty cell as a FHIR value.</summary>
    public static DataType Value(LongFile file, string column, string cell)
    {
        var field = Field(file, column);
        return field.Kind switch
        {
            SarcFieldKind.Choice => new CodeableConcept { Coding = [Coding(file, column, cell)] },
            SarcFieldKind.YesNo => new FhirBoolean(cell == "yes"),
            SarcFieldKind.Integer => new Integer(int.Parse(cell, CultureInfo.InvariantCulture)),
            SarcFieldKind.Number => Quantity(Decimal(cell), Units.GetValueOrDefault(column)),
            SarcFieldKind.Date => new FhirDateTime(cell),
            _ => new FhirString(cell),
        };
    }

    /// <summary>The cell text of a FHIR value read back for a column ("" when it is not of the column's kind).</summary>
    public static string Cell(LongFile file, string column, DataType? value) => value switch
    {
        CodeableConcept c => Code(c, file, column),
        FhirBoolean { Value: { } b } => b ? "yes" : "no",
        Integer { Value: { } i } => i.ToString(CultureInfo.InvariantCulture),
        Quantity { Value: { } d } => Number(d),
        FhirDateTime { Value: { } t } => t.Length >= 10 ? t[..10] : t,
        FhirString { Value: { } s } => s,
        _ => "",
    };

    /// <summary>A quantity with a UCUM unit (or none).</summary>
    public static Quantity Quantity(decimal value, string? unit) =>
        unit is null ? new Quantity { Value = value } : new Quantity { Value = value, Unit = unit, System = Mcode.Ucum, Code = unit };

    /// <summary>The exact decimal of a number cell (its shortest round-trip text).</summary>
    public static decimal Decimal(string cell) => decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The cell text of a decimal: the shortest text of the double it denotes.</summary>
    public static string Number(decimal value) =>
        Sarc.Registry.Codes.CellText.Number(double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    private static SarcField Field(LongFile file, string column) =>
        SarcRedcapProject.FieldOf(file, column) ?? throw new ArgumentException($"'{column}' is not a column of {file.Name}.", nameof(column));
}
