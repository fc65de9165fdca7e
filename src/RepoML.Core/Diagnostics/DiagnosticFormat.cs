namespace RepoML.Core.Diagnostics;

/// <summary>
/// Diagnostics as text: compiler-style with a caret under the column, one JSON object, or Azure Pipelines / GitHub Actions
/// annotation commands (escaped as their logging-command documentation says). Pure: the CLI and the MSBuild task write them.
/// </summary>
public static class DiagnosticFormat
{
    public static JsonObject Json(IEnumerable<Diagnostic> diagnostics) => new()
    {
        ["diagnostics"] = new JsonArray(diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["id"] = d.Id,
            ["severity"] = SeverityName(d.Severity),
            ["message"] = d.Message,
            ["file"] = d.File,
            ["line"] = d.Line,
            ["column"] = d.Column,
        }).ToArray()),
    };

    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary><c>models/credit.yml:4:7: error RML0102: message</c>, then the source line and a caret.</summary>
    public static string Text(Diagnostic d, string? source)
    {
        var location = d.File is null ? "repoml" : d.Line is null ? d.File : $"{d.File}:{d.Line}:{d.Column}";
        var head = $"{location}: {SeverityName(d.Severity)} {d.Id}: {d.Message}";
        if (source is null || d.Line is not { } line || d.Column is not { } column)
        {
            return head;
        }

        var lines = source.Split('\n');
        if (line > lines.Length)
        {
            return head;
        }

        var text = lines[line - 1].TrimEnd('\r').Replace('\t', ' ');
        var caret = new string(' ', Math.Clamp(column - 1, 0, text.Length)) + "^";
        return $"{head}\n  {text}\n  {caret}";
    }

    /// <summary>An Azure Pipelines <c>##vso[task.logissue]</c> command for a diagnostic, at its file, line and column.</summary>
    public static string AzurePipelines(Diagnostic d)
    {
        var properties = Location(d, ("sourcepath", EscapeAzureProperty), "linenumber", "columnnumber");
        properties.Insert(0, $"type={(d.IsError ? "error" : "warning")}");
        properties.Add($"code={d.Id}");
        return $"##vso[task.logissue {string.Join(';', properties)}]{EscapeAzureMessage(d.Message)}";
    }

    /// <summary>An Azure Pipelines issue without a location (<paramref name="level"/>: error or warning).</summary>
    public static string AzurePipelinesIssue(string level, string message) => $"##vso[task.logissue type={level}]{EscapeAzureMessage(message)}";

    /// <summary>A GitHub Actions workflow command for a diagnostic, at its file, line and column.</summary>
    public static string Github(Diagnostic d)
    {
        var level = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "notice" };
        var properties = Location(d, ("file", EscapeGithubProperty), "line", "col");
        properties.Add($"title={d.Id}");
        return $"::{level} {string.Join(',', properties)}::{EscapeGithubData(d.Message)}";
    }

    /// <summary>A GitHub Actions annotation without a location (<paramref name="level"/>: error, warning or notice).</summary>
    public static string GithubAnnotation(string level, string title, string message) =>
        $"::{level} title={EscapeGithubProperty(title)}::{EscapeGithubData(message)}";

    /// <summary>An annotation's file, line and column properties, under the names the CI system uses.</summary>
    private static List<string> Location(Diagnostic d, (string Name, Func<string, string> Escape) file, string line, string column)
    {
        var properties = new List<string>();
        if (d.File is not null)
        {
            properties.Add($"{file.Name}={file.Escape(d.File)}");
        }

        if (d.Line is not null)
        {
            properties.Add($"{line}={d.Line}");
            properties.Add($"{column}={d.Column}");
        }

        return properties;
    }

    private static string EscapeAzureMessage(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeAzureProperty(string value) =>
        EscapeAzureMessage(value).Replace(";", "%3B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);

    private static string EscapeGithubData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeGithubProperty(string value) =>
        EscapeGithubData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
