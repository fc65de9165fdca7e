namespace RepoML.Core.Specs;

/// <summary>
/// The <c># yaml-language-server: $schema=URL</c> comment that editors (the VS Code YAML extension, Azure ML's own early
/// examples) use instead of a <c>$schema</c> key. <c>az ml</c> needs neither, so a file naming its schema this way is as much
/// an Azure ML file as one with the key.
/// </summary>
public static partial class SchemaModeline
{
    /// <summary>The schema address of the first such comment, with the position of the address; null when there is none.</summary>
    public static (string Url, SourceSpan Span)? Find(string path, string text)
    {
        var match = Modeline().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var url = match.Groups["url"];
        var lineStart = text.LastIndexOf('\n', url.Index) + 1;
        var line = 1 + text.AsSpan(0, url.Index).Count('\n');
        return (url.Value.Trim('"', '\''), new SourceSpan(path, line, url.Index - lineStart + 1));
    }

    [GeneratedRegex(@"^[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(?<url>[^\s]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Modeline();
}
