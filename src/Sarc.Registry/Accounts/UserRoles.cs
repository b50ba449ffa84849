using Sarc.Data;

namespace Sarc.Registry.Accounts;

/// <summary>The text codes of <see cref="UserRole"/> used on the command line, in the database and in role claims.</summary>
public static class UserRoles
{
    private static readonly string[] Codes = ["admin", "data_manager", "investigator"];

    /// <summary>The code of <paramref name="role"/>, e.g. <c>data_manager</c>.</summary>
    public static string Code(UserRole role) => Codes[(int)role];

    /// <summary>The role named by <paramref name="code"/> (exact).</summary>
    /// <exception cref="DataInputException">Not one of admin | data_manager | investigator.</exception>
    public static UserRole Parse(string code)
    {
        var index = Array.IndexOf(Codes, code);
        if (index < 0)
        {
            throw new DataInputException($"role '{code}' is not one of {string.Join(" | ", Codes)}");
        }
        return (UserRole)index;
    }
}
