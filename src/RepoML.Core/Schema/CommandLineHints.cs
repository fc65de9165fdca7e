namespace RepoML.Core.Schema;

/// <summary>
/// "Did you mean" for a command line, as the YAML checks give it: an unknown word is matched against the command's
/// subcommands, an unknown <c>-option</c> against its options (never across the two, so a stray value gets no option).
/// </summary>
public static class CommandLineHints
{
    public static string? Suggest(string token, IEnumerable<string> commands, IEnumerable<string> options) =>
        token.StartsWith('-') ? StringDistance.Closest(token, options)
        : token.Length < 3 ? null
        : StringDistance.Closest(token, commands);
}
