using Sarc.Registry.Template;

namespace Sarc.Interop.Redcap;

/// <summary>
/// One reason a REDCap import imports nothing, naming the record where there is one
/// (<c>record 17, instrument recurrence, instance 2: field rec_type: code 9 is not in the mapping</c>). <see cref="Kind"/>
/// lets a front end add its own hint, as for <see cref="ImportError"/>.
/// </summary>
public sealed record RedcapProblem(string Text, ImportErrorKind Kind = ImportErrorKind.Invalid)
{
    public override string ToString() => Text;
}
