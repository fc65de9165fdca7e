namespace RepoML.Core.Yaml;

/// <summary>A node of a parsed YAML document that remembers where it came from.</summary>
public abstract class YamlNode(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    /// <summary>Number of nodes this node stands for once aliases are expanded.</summary>
    internal abstract long Weight { get; }

    public abstract string KindName { get; }
}
