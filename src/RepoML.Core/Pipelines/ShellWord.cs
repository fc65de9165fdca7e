namespace RepoML.Core.Pipelines;

/// <summary>
/// Makes a literal value one POSIX shell word, so a value bound into a command (an input override, a path) is
/// passed as data and never runs as shell code. Values made only of characters the shell treats literally are
/// left as they are; anything else is single-quoted, with embedded quotes written as <c>'\''</c>.
/// </summary>
public static class ShellWord
{
    private const string Literal = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@%+,-";

    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => Literal.Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        return "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }
}
