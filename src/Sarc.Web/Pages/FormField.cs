namespace Sarc.Web.Pages;

/// <summary>
/// One field of a registry form: the long-format <paramref name="Column"/> it fills, which is also the control's name
/// and id (declared once, in <see cref="Sarc.Registry.LongFormat.LongFiles"/>); what the form shows (label, help); how
/// it is entered; whether the format requires it; and for a <see cref="FieldInput.Choice"/> the code table's codes and
/// labels (<see cref="Sarc.Registry.Codes.RegistryCodes"/>, the one home of every code list).
/// </summary>
public sealed record FormField(string Column, string Label, string Help, FieldInput Input, bool Required, IReadOnlyList<(string Code, string Label)> Choices);
