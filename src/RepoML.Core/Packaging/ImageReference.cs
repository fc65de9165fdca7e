namespace RepoML.Core.Packaging;

/// <summary>
/// A container image reference, <c>[registry/]repository[:tag][@sha256:…]</c>, split the way Docker does: the first
/// path component is a registry when it holds a dot or a colon or is <c>localhost</c>.
/// </summary>
public sealed partial record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The reference as text; a bare repository gets no implicit <c>latest</c>.</summary>
    public override string ToString() =>
        (Registry is null ? "" : Registry + "/") + Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    /// <summary>The same image under another tag (and no digest).</summary>
    public ImageReference WithTag(string tag) => this with { Tag = tag, Digest = null };

    /// <summary>Whether the registry is this machine's loopback (plain HTTP is acceptable there).</summary>
    public bool IsLoopbackRegistry => Registry is { } r
        && (r.StartsWith("127.", StringComparison.Ordinal) || r.StartsWith("localhost", StringComparison.Ordinal) || r.StartsWith("[::1]",
            StringComparison.Ordinal));

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new FormatException(error);

    public static bool TryParse(string text, out ImageReference reference, out string error)
    {
        reference = new ImageReference(null, "", null, null);
        var rest = text.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!DigestPattern().IsMatch(digest))
            {
                error = $"'{text}': '{digest}' is not a digest (sha256:<64 hex>)";
                return false;
            }
        }

        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                error = $"'{text}': '{tag}' is not a tag (letters, digits, '_', '.', '-'; at most 128)";
                return false;
            }
        }

        if (!RepositoryPattern().IsMatch(rest))
        {
            error = $"'{text}': '{rest}' is not a repository name (lowercase letters, digits, '.', '_', '-', separated by '/')";
            return false;
        }

        reference = new ImageReference(registry, rest, tag, digest);
        error = "";
        return true;
    }

    /// <summary>Lowercases and replaces what a repository name may not hold, e.g. for <c>credit-blue</c> from names.</summary>
    public static string SafeName(string text) => RepositoryUnsafe().Replace(text.ToLowerInvariant(), "-").Trim('-', '.', '_');

    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();

    [GeneratedRegex("[^a-z0-9._/-]+")]
    private static partial Regex RepositoryUnsafe();
}
