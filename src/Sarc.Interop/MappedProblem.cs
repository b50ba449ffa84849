using Sarc.Registry.Template;

namespace Sarc.Interop;

/// <summary>
/// One reason an import from another format imports nothing, naming the source's own record where there is one
/// (<c>record 17, instrument recurrence, instance 2: field rec_type: code 9 is not in the mapping</c>). <see cref="Kind"/>
/// lets a front end add its own hint, as for <see cref="ImportError"/>.
/// </summary>
public sealed record MappedProblem(string Text, ImportErrorKind Kind = ImportErrorKind.Invalid)
{
    /// <summary>The problem's one line, <see cref="Text"/>.</summary>
    public override string ToString() => Text;
}
