namespace RepoML.Core.Rollout;

/// <summary>
/// Compares what Git says an endpoint serves with what the live endpoint reports — RepoML's <c>kubectl diff</c>. The rules:
/// <list type="bullet">
/// <item>a deployment in Git that the endpoint does not serve, or one it serves that Git does not have, is drift;</item>
/// <item>a deployment whose desired digest is known must serve exactly that digest (a version number alone proves nothing: the same
/// number can be another model in another clone); without a desired digest the versions must match;</item>
/// <item>the traffic each deployment takes must match the file's split;</item>
/// <item>a deployment whose last reload failed is drift even when it still serves the old model: what Git says did not apply.</item>
/// </list>
/// </summary>
public static class EndpointDrift
{
    public static IReadOnlyList<DeploymentSync> Compare(IReadOnlyList<DesiredDeployment> desired, IReadOnlyList<ObservedDeploymentState> observed)
    {
        var names = desired.Select(d => d.Name).Union(observed.Select(o => o.Name)).Order(StringComparer.Ordinal);
        return [.. names.Select(name => Compare(name, desired.FirstOrDefault(d => d.Name == name), observed.FirstOrDefault(o => o.Name == name)))];
    }

    private static DeploymentSync Compare(string name, DesiredDeployment? desired, ObservedDeploymentState? observed)
    {
        var differences = new List<string>();
        if (desired is null)
        {
            differences.Add("served live but not in the endpoint files");
        }
        else if (observed is null || observed.Version is null)
        {
            differences.Add($"not served live{(observed?.Error is { } e ? $": {e}" : "")}");
        }
        else
        {
            if (desired.Problem is { } problem)
            {
                differences.Add($"Git's model does not resolve: {problem}");
            }
            else if (desired.Digest is { } digest ? observed.Digest != digest : desired.Version is { } v && observed.Version != v.ToString(
                CultureInfo.InvariantCulture))
            {
                differences.Add($"serves {Describe(observed.Model, observed.Version, observed.Digest)}, Git says " +
                    Describe(desired.Model, desired.Version?.ToString(CultureInfo.InvariantCulture), desired.Digest));
            }

            if (observed.Error is { } error)
            {
                differences.Add($"last reload failed: {error}");
            }
        }

        if (desired is not null && observed is not null && desired.Traffic != observed.Traffic)
        {
            differences.Add($"takes {observed.Traffic} % of traffic, Git says {desired.Traffic} %");
        }

        return new DeploymentSync(name, desired, observed, differences);
    }

    /// <summary><c>credit:2 (sha256:0123456789ab)</c>.</summary>
    public static string Describe(string? model, string? version, string? digest) =>
        $"{(model is null ? "" : model + ":")}{version ?? "?"}{(digest is null ? "" : $" ({Short(digest)})")}";

    /// <summary>A digest shortened for people: the algorithm and 12 hex digits.</summary>
    public static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
