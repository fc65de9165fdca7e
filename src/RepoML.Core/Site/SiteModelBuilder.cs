using RepoML.Core.Lineage;
using RepoML.Core.Profiles;

namespace RepoML.Core.Site;

/// <summary>Builds the <see cref="SiteModel"/> from what was read from Git: pure, so every page's content can be tested without disk.</summary>
public static class SiteModelBuilder
{
    public static SiteModel Build(SiteInput input)
    {
        var registry = input.Registry;
        var versions = registry.Assets.SelectMany(a => a.Versions).Select(v => View(input, v)).ToArray();
        var endpoints = input.Deployments.Select(u => u.Endpoint).Concat(input.Traffic.Select(t => t.Endpoint))
            .Concat(input.Rollout.Select(r => r.Endpoint)).Concat(input.Monitoring.Select(m => m.Endpoint))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => new EndpointView(name, input.Deployments.Where(u => u.Endpoint == name).ToArray(),
                input.Traffic.Where(t => t.Endpoint == name).OrderBy(t => t.Position).ToArray(),
                input.Rollout.Where(r => r.Endpoint == name).OrderBy(r => r.Position).ToArray(),
                input.Monitoring.Where(m => m.Endpoint == name).OrderBy(m => m.When).ToArray()))
            .ToArray();
        return new SiteModel(input.Title, registry.Tip, registry.Branch, registry.Assets, versions, Runs(registry), endpoints, registry.Problems);
    }

    /// <summary>One row per pipeline run that produced a registered version, newest first.</summary>
    public static IReadOnlyList<RunRow> Runs(RegistrySnapshot registry) =>
        registry.Assets.SelectMany(a => a.Versions).Where(v => v.Record.Run is not null)
            .GroupBy(v => v.Record.Run!.RunId, StringComparer.Ordinal)
            .Select(g =>
            {
                var run = g.First().Record.Run!;
                var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
                foreach (var (name, value) in g.SelectMany(v => v.Record.Metrics))
                {
                    metrics.TryAdd(name, value);
                }

                return new RunRow(run.RunId, run.Pipeline, run.StartedAt, run.Commit, g.ToArray(), RunParameters.Of(run), metrics);
            })
            .OrderByDescending(r => r.StartedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).ToArray();

    private static VersionView View(SiteInput input, RegisteredVersion version)
    {
        var lineage = LineageReport.Create(input.Registry, version, input.Deployments, input.CommitOf);
        var profile = input.Profiles.GetValueOrDefault(version.Key);
        var previousProfile = lineage.Previous is { } p ? input.Profiles.GetValueOrDefault(p.Key) : null;
        return new VersionView(
            version,
            lineage,
            LineageGraph.From(lineage),
            lineage.Previous is { } previous ? VersionDelta.Between(previous, version) : null,
            profile,
            profile is not null && previousProfile is not null ? ProfileComparer.Compare(previousProfile, profile) : null,
            Shares(input.Traffic, lineage.Deployments),
            input.Environments.GetValueOrDefault(version.Key));
    }

    /// <summary>
    /// The traffic share each deployment of a version had while it used the version: the split in force when the use
    /// began, then every change of the endpoint's split until the use ended.
    /// </summary>
    public static IReadOnlyList<TrafficShare> Shares(IReadOnlyList<TrafficChange> traffic, IReadOnlyList<DeploymentUse> uses)
    {
        var result = new List<TrafficShare>();
        foreach (var use in uses)
        {
            var changes = traffic.Where(t => t.Endpoint == use.Endpoint).OrderBy(t => t.Position).ToList();
            var until = use.UntilPosition ?? int.MaxValue;
            var start = changes.LastOrDefault(t => t.Position <= use.SincePosition);
            foreach (var change in changes.Where(t => t.Position > use.SincePosition && t.Position < until).Prepend(start))
            {
                if (change is not null)
                {
                    var at = change.Position <= use.SincePosition ? use.Since : change.Commit;
                    result.Add(new TrafficShare(use.Endpoint, use.Deployment, at, change.Split.GetValueOrDefault(use.Deployment)));
                }
            }
        }

        return result;
    }
}
