namespace RepoML.Core.Registry;

/// <summary>
/// Computes the registry from first-parent history. The numbering rule: walking the default branch's first-parent
/// history oldest first, each commit that adds version records (relative to its first parent, so a merge counts the
/// records its branch brought) gives them the next numbers of their asset, in order of record time then key.
/// Records are immutable: an edit or a deletion is reported as a problem and the record as first added is kept.
/// </summary>
public static class RegistryBuilder
{
    /// <summary>The path prefixes whose history the registry needs.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = [RegistryPath.Root];

    public static RegistrySnapshot Build(IReadOnlyList<HistoryCommit> history, Func<string, string> readBlob, string? tip, string branch)
    {
        var versions = new Dictionary<(AssetKind, string), List<RegisteredVersion>>();
        var events = new Dictionary<(AssetKind, string), List<RegistryEvent>>();
        var problems = new List<string>();
        var last = 0;
        foreach (var commit in history)
        {
            var parsed = commit.Changes.Select(c => (Change: c, Path: RegistryPath.TryParse(c.Path))).Where(p => p.Path is not null).ToList();
            var added = new List<(RegistryPath Path, RegistrationRecord Record, string FilePath)>();
            foreach (var (change, path) in parsed.Where(p => p.Path!.Type == RegistryFileType.Version))
            {
                var known = versions.GetValueOrDefault((path!.Kind, path.Name))?.Any(v => v.Key == path.Item) == true;
                if (change.Kind != FileChangeKind.Added || known)
                {
                    if (change.Kind != FileChangeKind.Added || change.BlobId is null)
                    {
                        problems.Add($"{change.Path} was {change.Kind.ToString().ToLowerInvariant()} in {commit.Commit.ShortSha}; " +
                            $"versions are immutable, the record as first registered is kept");
                    }

                    continue;
                }

                try
                {
                    var record = RegistrationRecordJson.Deserialize(readBlob(change.BlobId!), change.Path);
                    if (record.Key != path.Item || record.Name != path.Name || AssetKinds.Parse(record.Kind) != path.Kind)
                    {
                        problems.Add($"{change.Path} (added in {commit.Commit.ShortSha}) describes {record.Kind} {record.Name} " +
                            $"{record.Digest}, not what its path says; ignored");
                        continue;
                    }

                    added.Add((path, record, change.Path));
                }
                catch (RegistryException ex)
                {
                    problems.Add($"{ex.Message} (added in {commit.Commit.ShortSha}); ignored");
                }
            }

            foreach (var item in added.OrderBy(a => a.Record.RegisteredAt).ThenBy(a => a.Path.Item, StringComparer.Ordinal))
            {
                var id = (item.Path.Kind, item.Path.Name);
                var list = versions.TryGetValue(id, out var existing) ? existing : versions[id] = [];
                list.Add(new RegisteredVersion(item.Path.Kind, item.Path.Name, list.Count + 1, item.Record, commit.Commit, commit.Position,
                    item.FilePath));
                Event(events, id, new RegistryEvent(commit.Position, commit.Commit, RegistryEventType.Registered, item.Record.Key, null));
            }

            foreach (var (change, path) in parsed.Where(p => p.Path!.Type != RegistryFileType.Version))
            {
                var id = (path!.Kind, path.Name);
                var deleted = change.Kind == FileChangeKind.Deleted || change.BlobId is null;
                var registryEvent = path.Type == RegistryFileType.Label
                    ? new RegistryEvent(commit.Position, commit.Commit, deleted ? RegistryEventType.LabelRemoved : RegistryEventType.LabelSet,
                        deleted ? null : readBlob(change.BlobId!).Trim(), path.Item)
                    : new RegistryEvent(commit.Position, commit.Commit, deleted ? RegistryEventType.Restored : RegistryEventType.Archived,
                        path.Item, null);
                if (registryEvent.Key is not null && versions.GetValueOrDefault(id)?.Any(v => v.Key == registryEvent.Key) != true)
                {
                    problems.Add($"{change.Path} (in {commit.Commit.ShortSha}) names version key '{registryEvent.Key}', which " +
                        $"{path.Name} does not have; ignored");
                    continue;
                }

                Event(events, id, registryEvent);
            }

            last = commit.Position;
        }

        var assets = versions.Keys.Union(events.Keys)
            .OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .Select(k => new RegisteredAsset(k.Item1, k.Item2, versions.GetValueOrDefault(k) ?? [], events.GetValueOrDefault(k) ?? []))
            .Where(a => a.Versions.Count > 0)
            .ToArray();
        return new RegistrySnapshot(tip, branch, assets, problems, last);
    }

    private static void Event(Dictionary<(AssetKind, string), List<RegistryEvent>> events, (AssetKind, string) id, RegistryEvent e)
    {
        if (!events.TryGetValue(id, out var list))
        {
            events[id] = list = [];
        }

        list.Add(e);
    }
}
