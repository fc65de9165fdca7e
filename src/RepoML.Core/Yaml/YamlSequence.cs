namespace RepoML.Core.Yaml;

/// <summary>A YAML sequence.</summary>
public sealed class YamlSequence(SourceSpan span, IReadOnlyList<YamlNode> items) : YamlNode(span)
{
    private readonly long weight = 1 + items.Sum(i => i.Weight);

    public IReadOnlyList<YamlNode> Items { get; } = items;

    internal override long Weight => weight;

    public override string KindName => "list";
}
