namespace RepoML.Cli.Output;

/// <summary>Options shared by many commands.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Output() => new("--output", "-o")
    {
        Description = "Output format: text, json, azure-pipelines or github.",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            var normalized = token.Replace("-", "", StringComparison.Ordinal);
            if (Enum.TryParse<OutputFormat>(normalized, ignoreCase: true, out var format))
            {
                return format;
            }

            result.AddError($"'{token}' is not an output format; use text, json, azure-pipelines or github.");
            return OutputFormat.Text;
        },
    };

    public static Option<Verbosity> Verbosity() => new("--verbosity", "-v")
    {
        Description = "How much to print: quiet, normal, detailed or diagnostic (shows stack traces).",
        DefaultValueFactory = _ => RepoML.Cli.Output.Verbosity.Normal,
    };
}
