namespace Sarc.Registry.Domain;

/// <summary>The kinds of dated outcome a patient can have; a patient may have several of each kind over time.</summary>
public enum OutcomeEventKind
{
    LocalRecurrence,
    DistantMetastasis,
    Death,
}
