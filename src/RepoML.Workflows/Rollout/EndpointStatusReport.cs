using System.Text.Json.Nodes;

namespace RepoML.Workflows.Rollout;

/// <summary><c>repoml status</c>'s two forms: one line per deployment for people, a documented JSON object for machines.</summary>
public static class EndpointStatusReport
{
    /// <summary>
    /// <c>{"endpoint", "folder", "address", "in_sync", "problem", "deployments": [{"name", "in_sync", "differences": [],
    /// "desired": {"reference", "model", "version", "digest", "traffic", "problem"}, "observed": {"model", "version", "digest",
    /// "traffic", "error"}}]}</c>; <c>desired</c> or <c>observed</c> is null where that side has no such deployment.
    /// </summary>
    public static JsonObject Json(EndpointStatus status) => new()
    {
        ["endpoint"] = status.Endpoint,
        ["folder"] = status.Folder,
        ["address"] = status.Address,
        ["in_sync"] = status.Live.InSync,
        ["problem"] = status.Live.Problem,
        ["deployments"] = new JsonArray([.. Rows(status).Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["in_sync"] = d.InSync,
            ["differences"] = new JsonArray([.. d.Differences.Select(x => (JsonNode)x)]),
            ["desired"] = d.Desired is not { } w ? null : new JsonObject { ["reference"] = w.Reference, ["model"] = w.Model, ["version"] = w.Version,
                ["digest"] = w.Digest, ["traffic"] = w.Traffic, ["problem"] = w.Problem },
            ["observed"] = d.Observed is not { } o ? null : new JsonObject { ["model"] = o.Model, ["version"] = o.Version, ["digest"] = o.Digest,
                ["traffic"] = o.Traffic, ["error"] = o.Error },
        })]),
    };

    /// <summary>A header, one line per deployment (Git ⇄ live, traffic, sync), and a verdict.</summary>
    public static IEnumerable<string> Lines(EndpointStatus status)
    {
        yield return $"Endpoint {status.Endpoint} ({status.Folder}) · live: {status.Address ?? "unknown"}";
        foreach (var d in Rows(status))
        {
            var git = d.Desired is { } w ? $"{EndpointDrift.Describe(w.Model, w.Version?.ToString(CultureInfo.InvariantCulture), w.Digest)} " +
                $"{w.Traffic} %" : "—";
            var live = d.Observed is { } o ? $"{EndpointDrift.Describe(o.Model, o.Version, o.Digest)} {o.Traffic} %" : "—";
            yield return $"  {d.Name,-12} git: {git,-36} live: {live,-36} {(status.Live.Deployments is null ? "unknown" : d.InSync ? "in sync" : "OUT OF SYNC")}";
            foreach (var difference in d.Differences)
            {
                yield return $"      {difference}";
            }
        }

        yield return status.Live.InSync ? "In sync: the live endpoint serves what Git says."
            : status.Live.Problem is { } problem ? $"Unknown: {problem}."
            : $"Out of sync: {Rows(status).Count(d => !d.InSync)} deployment(s) differ.";
    }

    /// <summary>The compared deployments; without a live reading, Git's side alone.</summary>
    private static IReadOnlyList<DeploymentSync> Rows(EndpointStatus status) => status.Live.Deployments
        ?? [.. status.Desired.Select(d => new DeploymentSync(d.Name, d, null, []))];
}
