namespace RepoML.Core.Yaml;

/// <summary>Bounds that keep hostile YAML (alias bombs, deep nesting, huge files) from crashing or hanging RepoML.</summary>
public sealed record YamlLimits(int MaxDepth, long MaxNodes, long MaxBytes)
{
    /// <summary>Generous for any real spec file: the largest Azure ML example has a few hundred nodes.</summary>
    public static YamlLimits Default { get; } = new(MaxDepth: 64, MaxNodes: 100_000, MaxBytes: 4 * 1024 * 1024);
}
