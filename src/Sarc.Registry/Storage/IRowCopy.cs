namespace Sarc.Registry.Storage;

/// <summary>
/// A bulk load of one table (<see cref="RegistryDatabase.BeginCopy"/>): each <see cref="IRowCommand.Execute"/> sends one
/// row; <see cref="Complete"/> ends the load. Disposed without <see cref="Complete"/>, the load is cancelled and the
/// transaction can only roll back.
/// </summary>
internal interface IRowCopy : IRowCommand
{
    /// <summary>Ends the load: the server has every row when this returns (still inside the transaction).</summary>
    void Complete();
}
