namespace RepoML.Core.Lineage;

/// <summary>The lineage of a version as nodes and edges, for Mermaid diagrams and analytics export.</summary>
public sealed record LineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges)
{
    public static LineageGraph From(LineageReport report)
    {
        var nodes = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
        var edges = new List<LineageEdge>();
        var version = report.Version;
        var self = Add(nodes, $"{version.Kind.ToString().ToLowerInvariant()}:{version.Name}:{version.Version}",
            version.Kind.ToString().ToLowerInvariant(), $"{version.Name}:{version.Version}");
        var registration = Add(nodes, "commit:" + version.Commit.Sha, "commit", $"{version.Commit.ShortSha} {version.Commit.AuthorName}");
        edges.Add(new(registration, self, "registered"));
        if (report.Previous is { } previous)
        {
            edges.Add(new(Add(nodes, $"{version.Kind.ToString().ToLowerInvariant()}:{previous.Name}:{previous.Version}",
                version.Kind.ToString().ToLowerInvariant(), $"{previous.Name}:{previous.Version}"), self, "replaced by"));
        }

        if (report.Version.Record.Run is { } run)
        {
            var runNode = Add(nodes, "run:" + run.RunId, "run", "run " + run.RunId);
            if (run.Commit is { } code)
            {
                edges.Add(new(Add(nodes, "commit:" + code, "commit", code.Length > 12 ? code[..12] : code), runNode, "code"));
            }

            var producers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var job in run.Jobs)
            {
                var jobNode = Add(nodes, $"job:{run.RunId}/{job.Name}", "job", job.Name);
                edges.Add(new(runNode, jobNode, "ran"));
                foreach (var output in job.Outputs.Values)
                {
                    producers.TryAdd(output, jobNode);
                }

                if (job.EnvironmentDigest is { } env)
                {
                    edges.Add(new(Add(nodes, "environment:" + env, "environment", (job.Environment ?? "environment") + " " + Short(env)),
                        jobNode, "environment"));
                }
            }

            foreach (var job in run.Jobs)
            {
                foreach (var input in job.Inputs.Values.Distinct(StringComparer.Ordinal))
                {
                    if (producers.TryGetValue(input, out var from) && from != $"job:{run.RunId}/{job.Name}")
                    {
                        edges.Add(new(from, $"job:{run.RunId}/{job.Name}", "feeds"));
                    }
                }
            }

            // An environment a job ran on is already its environment node; any other asset feeds the jobs that read its digest,
            // else the run (never a node without an edge: issue 18's orphan in the Mermaid diagram).
            foreach (var asset in run.Assets.Where(a => !run.Jobs.Any(j => j.EnvironmentDigest == a.Digest)))
            {
                var assetNode = Add(nodes, $"{asset.Kind}:{asset.Name}:{asset.Version}", asset.Kind,
                    $"{asset.Name}:{asset.Version} {Short(asset.Digest)}");
                var readers = run.Jobs.Where(j => j.Inputs.Values.Contains(asset.Digest)).Select(j => $"job:{run.RunId}/{j.Name}").ToList();
                foreach (var reader in readers.DefaultIfEmpty(runNode))
                {
                    edges.Add(new(assetNode, reader, "input"));
                }
            }

            edges.Add(new($"job:{run.RunId}/{run.Job}", self, "produced"));
        }

        foreach (var use in report.Deployments)
        {
            var deployment = Add(nodes, $"deployment:{use.Endpoint}/{use.Deployment}", "deployment", $"{use.Endpoint}/{use.Deployment}");
            edges.Add(new(self, deployment, use.Active ? $"deployed since {use.Since.ShortSha}"
                : $"deployed {use.Since.ShortSha}..{use.Until!.ShortSha}"));
        }

        return new LineageGraph(nodes.Values.ToArray(), edges.Distinct().ToArray());
    }

    private static string Add(Dictionary<string, LineageNode> nodes, string id, string type, string label)
    {
        nodes.TryAdd(id, new LineageNode(id, type, label));
        return id;
    }

    private static string Short(string digest) => digest.StartsWith("sha256:",
        StringComparison.Ordinal) && digest.Length > 19 ? digest[..19] : digest;
}
