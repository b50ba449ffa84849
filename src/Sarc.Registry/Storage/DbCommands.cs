using System.Data;
using System.Data.Common;

namespace Sarc.Registry.Storage;

/// <summary>
/// The one way storage builds a parameterised command on a registry connection: the accounts, the registered models
/// and the import's prepared statements all go through it, so how a value becomes a parameter (null as
/// <see cref="DBNull"/>, a <see cref="DateTimeOffset"/> typed as one) is written once.
/// </summary>
internal static class DbCommands
{
    /// <summary>A command running <paramref name="sql"/> inside <paramref name="tx"/> (null: none) with the named values.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value, value is DateTimeOffset ? DbType.DateTimeOffset : null);
        }
        return command;
    }

    /// <summary>Runs <paramref name="sql"/> with the named values; the number of rows changed.</summary>
    public static int Execute(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Adds the parameter <paramref name="name"/> = <paramref name="value"/> (null: <see cref="DBNull"/>), typed as <paramref name="type"/> when given.</summary>
    public static DbParameter Add(DbCommand command, string name, object? value, DbType? type = null)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } t)
        {
            parameter.DbType = t;
        }
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
