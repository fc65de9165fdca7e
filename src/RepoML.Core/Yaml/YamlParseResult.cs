namespace RepoML.Core.Yaml;

/// <summary>The root of a document (null when it could not be read) and what was wrong with it.</summary>
public sealed record YamlParseResult(YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics);
