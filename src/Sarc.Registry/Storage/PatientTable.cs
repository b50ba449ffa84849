using System.Data;
using Sarc.Registry.Domain;

namespace Sarc.Registry.Storage;

/// <summary>
/// One table of a patient's rows as the writers fill it: its columns and their types, and how a record's rows of it are
/// made (<see cref="WriteRows"/> sets the values of a statement over <see cref="Columns"/>, in order, and executes it
/// once per row). The row-by-row insert (<see cref="InsertSql"/>) and the binary COPY
/// (<see cref="RegistryDatabase.BeginCopy"/>) take the rows from the same code, so both store the same values.
/// </summary>
internal sealed record PatientTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<DbType> Types, Action<IRowCommand, PatientRecord> WriteRows)
{
    /// <summary><c>INSERT INTO name (columns) VALUES (@column, ...)</c>.</summary>
    public string InsertSql { get; } = $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
}
