using System.Data;
using System.Data.Common;

namespace Sarc.Registry.Storage;

/// <summary><see cref="IRowCommand"/> over any ADO.NET provider: parameters created once with their types, then only values change.</summary>
internal sealed class AdoRowCommand : IRowCommand
{
    private readonly DbCommand command;
    private readonly DbParameterCollection parameters;

    public AdoRowCommand(DbConnection connection, DbTransaction? tx, string sql, IReadOnlyList<string> names, IReadOnlyList<DbType> types)
    {
        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i];
            parameter.DbType = types[i];
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
        parameters = command.Parameters;
        command.Prepare();
    }

    public void Text(int index, string? value) => parameters[index].Value = value is null ? DBNull.Value : value;

    public void Real(int index, double? value) => parameters[index].Value = value is { } v ? v : DBNull.Value;

    public void Integer(int index, int? value) => parameters[index].Value = value is { } v ? v : DBNull.Value;

    public void Long(int index, long value) => parameters[index].Value = value;

    public void Date(int index, DateOnly? value) => parameters[index].Value = value is { } v ? v : DBNull.Value;

    public void Timestamp(int index, DateTimeOffset value) => parameters[index].Value = value;

    public void Execute() => command.ExecuteNonQuery();

    public void Dispose() => command.Dispose();
}
