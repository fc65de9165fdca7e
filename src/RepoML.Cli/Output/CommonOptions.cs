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

    /// <summary>The endpoint folder an endpoint command acts on; <paramref name="description"/> says which kind and gives an example.</summary>
    public static Argument<string> Endpoint(string description) => new("endpoint") { Description = description };

    /// <summary>A registered version: NAME, NAME:VERSION or NAME@LABEL, as <paramref name="description"/> narrows it.</summary>
    public static Argument<string> Reference(string description) => new("reference") { Description = description };

    /// <summary>Where to write a command's Markdown report (its PR comment form).</summary>
    public static Option<string?> ReportMarkdown(string description) => new("--report-md") { Description = description };

    /// <summary>Where to write a command's self-contained HTML report.</summary>
    public static Option<string?> ReportHtml(string description) => new("--report-html") { Description = description };

    /// <summary>A live endpoint's Prometheus <c>/metrics</c> address.</summary>
    public static Option<string?> MetricsUrl(string description) => new("--metrics-url") { Description = description };

    public static Option<Verbosity> Verbosity() => new("--verbosity", "-v")
    {
        Description = "How much to print: quiet, normal, detailed or diagnostic (shows stack traces).",
        DefaultValueFactory = _ => RepoML.Cli.Output.Verbosity.Normal,
    };
}
