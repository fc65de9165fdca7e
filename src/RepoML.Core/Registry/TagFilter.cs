namespace RepoML.Core.Registry;

/// <summary>
/// Azure ML's tag filter: <c>Name=Value</c> (the tag has exactly that value) or <c>Name</c> (the tag is present),
/// with no spaces around <c>=</c>. Names compare ordinally, as Azure ML tags are case-sensitive.
/// </summary>
public sealed record TagFilter(string Name, string? Value)
{
    public static TagFilter Parse(string text)
    {
        if (string.IsNullOrEmpty(text) || text.Any(char.IsWhiteSpace) || text.StartsWith('='))
        {
            throw new RegistryException(RegistryErrors.BadTagFilter,
                $"'{text}' is not a tag filter: write Name=Value or Name, without spaces (e.g. --tag task=binary-classification)");
        }

        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? new TagFilter(text, null) : new TagFilter(text[..equals], text[(equals + 1)..]);
    }

    public bool Matches(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Name, out var value) && (Value is null || string.Equals(value, Value, StringComparison.Ordinal));

    /// <summary>True when every filter matches (an empty list matches everything).</summary>
    public static bool MatchesAll(IEnumerable<TagFilter> filters, IReadOnlyDictionary<string, string> tags) => filters.All(f => f.Matches(tags));

    public override string ToString() => Value is null ? Name : $"{Name}={Value}";
}
