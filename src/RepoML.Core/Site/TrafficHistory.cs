namespace RepoML.Core.Site;

/// <summary>
/// Replays the first-parent history of <c>endpoints/</c>: every commit that changed an online endpoint file's
/// <c>traffic</c> map (or removed the file) becomes a <see cref="TrafficChange"/>. Files that do not parse as an endpoint
/// are skipped: the site shows history, validation reports problems.
/// </summary>
public static class TrafficHistory
{
    private static readonly SpecKind[] EndpointKinds = [SpecKind.ManagedOnlineEndpoint, SpecKind.KubernetesOnlineEndpoint];

    public static IReadOnlyList<TrafficChange> Build(IReadOnlyList<HistoryCommit> history, Func<string, string> readBlob)
    {
        var result = new List<TrafficChange>();
        var current = new Dictionary<string, (string Endpoint, string Text)>(StringComparer.Ordinal);
        foreach (var commit in history)
        {
            foreach (var change in commit.Changes.Where(c => c.Path.StartsWith("endpoints/", StringComparison.Ordinal) && WorkspacePaths.IsYaml(c.Path)))
            {
                if (change.BlobId is null)
                {
                    if (current.Remove(change.Path, out var gone))
                    {
                        result.Add(new TrafficChange(gone.Endpoint, change.Path, commit.Commit, commit.Position, new Dictionary<string, int>()));
                    }

                    continue;
                }

                if (Parse(change.Path, readBlob(change.BlobId)) is not { } parsed)
                {
                    continue;
                }

                var text = string.Join(",", parsed.Split.Select(s => $"{s.Key}={s.Value}"));
                if (!current.TryGetValue(change.Path, out var before) || before.Text != text)
                {
                    current[change.Path] = (parsed.Endpoint, text);
                    result.Add(new TrafficChange(parsed.Endpoint, change.Path, commit.Commit, commit.Position, parsed.Split));
                }
            }
        }

        return result;
    }

    private static (string Endpoint, IReadOnlyDictionary<string, int> Split)? Parse(string path, string text)
    {
        var spec = SpecFileLoader.Load(path, FileText.Of(text));
        if (spec.Root is null || spec.Kind is not { } kind || !EndpointKinds.Contains(kind))
        {
            return null;
        }

        var split = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in spec.Root.GetMapping("traffic")?.Entries ?? [])
        {
            if (value is YamlScalar scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
            {
                split[key.Value] = percent;
            }
        }

        return (spec.Name ?? WorkspacePaths.FileName(WorkspacePaths.Directory(path)), split);
    }
}
