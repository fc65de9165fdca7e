namespace RepoML.Core.Pipelines;

/// <summary>
/// One <c>${{ … }}</c> expression inside a value: <c>parent.inputs.x</c>, <c>parent.jobs.a.outputs.b</c>,
/// <c>inputs.x</c>, <c>outputs.y</c> and the like. <see cref="Index"/> is its offset in the value.
/// </summary>
public sealed partial record Binding(string Text, string Expression, int Index)
{
    public IReadOnlyList<string> Parts => Expression.Split('.');

    public static IReadOnlyList<Binding> FindAll(string value)
    {
        if (!value.Contains("${{", StringComparison.Ordinal))
        {
            return [];
        }

        return Pattern().Matches(value).Select(m => new Binding(m.Value, m.Groups[1].Value.Trim(), m.Index)).ToArray();
    }

    /// <summary>The job a <c>parent.jobs.NAME…</c> binding depends on, else null.</summary>
    public string? UpstreamJob => Parts is ["parent", "jobs", var job, ..] ? job : null;

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
