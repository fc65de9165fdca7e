namespace RepoML.Core.Pipelines;

/// <summary>
/// Everything a job's result depends on. Two runs with equal parts produce the same outputs, so the second
/// reuses the first's. Inputs map to content digests (or <c>literal:VALUE</c>), never to paths, and the
/// command is substituted with those values, so moving the run folder does not change the key.
/// <see cref="Template"/> (the unsubstituted command) is kept only to explain what changed.
/// </summary>
public sealed record CacheKey(
    string Template,
    string Command,
    string Definition,
    string? CodeDigest,
    string? EnvironmentDigest,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<string> Outputs)
{
    /// <summary>The key itself: sha256 of a canonical rendering of the parts.</summary>
    public string Hash()
    {
        var text = new StringBuilder()
            .Append("command\n").Append(Command).Append('\n')
            .Append("definition\n").Append(Definition).Append('\n')
            .Append("code ").Append(CodeDigest ?? "-").Append('\n')
            .Append("environment ").Append(EnvironmentDigest ?? "-").Append('\n');
        foreach (var (name, value) in Inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("input ").Append(name).Append('=').Append(value).Append('\n');
        }

        foreach (var name in Outputs.Order(StringComparer.Ordinal))
        {
            text.Append("output ").Append(name).Append('\n');
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Why this key differs from <paramref name="previous"/>, one reason per changed part.</summary>
    public IReadOnlyList<string> Differences(CacheKey? previous)
    {
        if (previous is null)
        {
            return ["never ran before"];
        }

        var reasons = new List<string>();
        if (previous.Definition != Definition)
        {
            reasons.Add("component definition changed");
        }

        if (previous.Template != Template)
        {
            reasons.Add("command changed");
        }

        if (previous.CodeDigest != CodeDigest)
        {
            reasons.Add($"code changed ({Short(previous.CodeDigest)} → {Short(CodeDigest)})");
        }

        if (previous.EnvironmentDigest != EnvironmentDigest)
        {
            reasons.Add($"environment changed ({Short(previous.EnvironmentDigest)} → {Short(EnvironmentDigest)})");
        }

        foreach (var name in Inputs.Keys.Union(previous.Inputs.Keys).Order(StringComparer.Ordinal))
        {
            var before = previous.Inputs.GetValueOrDefault(name);
            var now = Inputs.GetValueOrDefault(name);
            if (before != now)
            {
                reasons.Add($"input '{name}' changed ({Short(before)} → {Short(now)})");
            }
        }

        if (!previous.Outputs.Order(StringComparer.Ordinal).SequenceEqual(Outputs.Order(StringComparer.Ordinal)))
        {
            reasons.Add("declared outputs changed");
        }

        return reasons.Count == 0 ? ["cached outputs are missing from the store"] : reasons;
    }

    private static string Short(string? value) => value switch
    {
        null => "none",
        _ when value.StartsWith("sha256:", StringComparison.Ordinal) => value[..Math.Min(value.Length, 19)],
        _ when value.Length > 40 => value[..40] + "…",
        _ => value,
    };
}
