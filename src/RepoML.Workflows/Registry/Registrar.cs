using RepoML.Events;

namespace RepoML.Workflows.Registry;

/// <summary>
/// The steps of <c>repoml register</c>: store the files, plan the version against the registry branch, commit the
/// record, then read the version back from history (the truth, even when another registration raced this one).
/// </summary>
public static class Registrar
{
    /// <summary>Registers, announcing the new version (RegistrationCompleted) or the failure (RegistrationFailed) as events.</summary>
    /// <exception cref="WorkflowException">Both --from-run and --path, a bad NAME=VALUE, or a spec without a local path.</exception>
    public static async Task<RegistrationResult> RegisterAsync(WorkflowContext context, RegistrationRequest request, CancellationToken cancel)
    {
        if (request.FromRun is not null && request.Paths.Count > 0)
        {
            throw WorkflowException.Usage("use either --from-run or --path, not both");
        }

        var root = context.WorkspaceRoot;
        var (publisher, _, settings) = WorkspaceEvents.Create(context, root);
        var source = WorkspaceEvents.Source(settings, root);
        IRegistrationListener listener = request.DryRun ? IRegistrationListener.None : new EventRegistrationListener(publisher, source, context.Time);
        try
        {
            if (!request.DryRun)
            {
                await RegistrationIntents.RecoverAsync(context, publisher, source, cancel);
            }

            return await RegisterAsync(context, request, listener, cancel);
        }
        catch (RegistryException ex) when (!request.DryRun)
        {
            var name = Path.GetFileNameWithoutExtension(request.Spec);
            var now = context.Time.GetUtcNow();
            var key = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await publisher.PublishAsync(LifecycleEvents.RegistrationFailed(source, now, name, null, ex.Message, key), cancel);
            throw;
        }
    }

    private static async Task<RegistrationResult> RegisterAsync(
        WorkflowContext context, RegistrationRequest request, IRegistrationListener listener, CancellationToken cancel)
    {
        var root = context.WorkspaceRoot;
        var spec = SpecInfo.Load(root, context.FullPath(request.Spec));
        NameGate.Check(spec.Name, NameKind.Asset, $"{spec.Kind.Word()} name in {spec.RelativePath}");
        var store = RegistryAccess.OpenStore(context, root, request.Store);
        var tags = new Dictionary<string, string>(spec.Tags, StringComparer.Ordinal);
        var properties = new Dictionary<string, string>(spec.Properties, StringComparer.Ordinal);
        Merge(tags, request.Tags, "--tag");
        Merge(properties, request.Properties, "--property");

        StoredContent content;
        RunLineage? lineage = null;
        bool dirty;
        var metrics = new Dictionary<string, double>();
        if (request.FromRun is not null)
        {
            var (run, job, output) = RunSource.Find(root, request.FromRun, request.Job, request.JobOutput);
            content = await RegistryContent.FromStoredAsync(store, output, request.JobOutput, cancel);
            using var runJson = new MemoryStream(Encoding.UTF8.GetBytes(Core.Runs.RunRecordJson.Serialize(run)));
            var recordDigest = await store.PutStreamAsync(runJson, cancel);
            lineage = RunLineage.From(run, job.Name, request.JobOutput, recordDigest.ToString());
            metrics = RunSource.Metrics(run, job);
            dirty = RegistrationFacts.Add(properties, root, run, job, null);
        }
        else
        {
            content = await StoreDefault(context, root, spec, request.Paths, store, cancel);
            dirty = RegistrationFacts.Add(properties, root, null, null, request.Paths.Count == 1 ? context.FullPath(request.Paths[0]) : null);
            if (spec.Kind == Core.Registry.AssetKind.Model)
            {
                OnnxSignatureFacts.Add(properties, request.Paths.Count == 1 ? context.FullPath(request.Paths[0]) : request.Paths.Count == 0 ? LocalPath(root, spec) : null);
            }
        }

        if (dirty)
        {
            await context.Error.WriteLineAsync($"warning: {(lineage is null ? "the working tree has" : $"run {lineage.RunId} ran on a tree with")} " +
                $"uncommitted changes: the code of this version is not in any commit; recorded as {RegistrationFacts.DirtyProperty}=true");
        }

        if (request.CommitFiles)
        {
            CommittedObjects.CheckSize(content);
        }

        using var registry = RegistryAccess.Open(context, request.Branch);
        RegistryAccess.WriteProblems(context, registry.Snapshot);
        var plan = RegistrationPlanner.Plan(registry.Snapshot, registry.PendingRecords(), spec.Kind, spec.Name, content.Digest, spec.Version);
        if (request.DryRun || plan.Outcome != RegistrationOutcome.NewVersion)
        {
            return new RegistrationResult(plan, content.Digest, null, !registry.OnRegistryBranch, request.DryRun);
        }

        var record = new RegistrationRecord(
            RegistrationRecord.CurrentSchema, spec.Kind.Word(), spec.Name, content.Digest, content.Size, content.FileCount, spec.RelativePath,
                spec.Description,
            tags, properties, metrics, context.Time.GetUtcNow(), lineage?.Commit ?? registry.Head, lineage?.Branch, lineage);
        var message = new StringBuilder($"Register {spec.Kind.Word()} {spec.Name} ({content.Digest[..19]})");
        message.Append("\n\n").Append(request.Message ?? (lineage is null
            ? $"Files from {string.Join(", ", request.Paths.DefaultIfEmpty(spec.RelativePath))}."
            : $"Output '{lineage.Output}' of job '{lineage.Job}' in run {lineage.RunId}."));
        message.Append("\n\nRepoML-Digest: ").Append(content.Digest);
        var files = new List<(string Path, string? Content)> { (RegistryPath.Version(spec.Kind, spec.Name, record.Key).Path,
            RegistrationRecordJson.Serialize(record)) };
        if (lineage is null && Profiles.RegistrationProfile.For(context, spec, request.Paths, record.Key) is { } profile)
        {
            files.Add(profile);
        }

        // The intent outlives a kill between the commit and the event; the next command announces what it finds committed.
        var objects = request.CommitFiles ? await CommittedObjects.CopyAsync(root, store, content, cancel) : null;
        var intent = RegistrationIntents.Write(root, spec.Kind, spec.Name, record.Key, request.Branch);
        var commit = new GitContext(registry.Root).Commit(files, message.ToString(), objects);
        HaltPoint.Reach(context, HaltPoint.RegistrationCommitted);

        // Read the number back from history: a registration that raced this one may have taken the planned number.
        using var after = RegistryAccess.Open(context, request.Branch);
        if (after.Snapshot.Find(spec.Kind, spec.Name)?.ByKey(record.Key) is { } registered)
        {
            await listener.OnRegisteredAsync(registered, pending: false, cancel);
            RegistrationIntents.Done(intent);
            return new RegistrationResult(plan with { Version = registered.Version }, content.Digest, commit, false, false);
        }

        RegistrationIntents.Done(intent);
        var pendingPlan = RegistrationPlanner.Plan(after.Snapshot, after.PendingRecords(), spec.Kind, spec.Name, content.Digest);
        return new RegistrationResult(pendingPlan with { Outcome = RegistrationOutcome.NewVersion }, content.Digest, commit, true, false);
    }

    /// <summary>The spec's <c>path</c> on disk, when it names local files.</summary>
    private static string? LocalPath(string root, SpecInfo spec) =>
        spec.Root.GetString("path") is { } path && !WorkspacePaths.IsRemote(path) && WorkspacePaths.Resolve(spec.RelativePath, path) is { } resolved
            ? Path.Combine(root, resolved) : null;

    private static async Task<StoredContent> StoreDefault(WorkflowContext context, string root, SpecInfo spec, IReadOnlyList<string> paths,
        IArtifactStore store, CancellationToken cancel)
    {
        foreach (var given in paths.Select(context.FullPath).Where(p => !Path.GetRelativePath(root, p).StartsWith("..", StringComparison.Ordinal)))
        {
            RepositoryLinks.Check(root, given, "--path");
        }

        if (paths.Count == 1)
        {
            return await RegistryContent.StorePathAsync(store, context.FullPath(paths[0]), cancel);
        }

        if (paths.Count > 1)
        {
            var files = paths.Select(context.FullPath).SelectMany(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Select(f
                    => (Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(p)), Path.GetRelativePath(p, f)).Replace('\\', '/'), f))
                : [(Path.GetFileName(p), p)]);
            return await RegistryContent.StoreFilesAsync(store, files, cancel);
        }

        if (spec.Kind == Core.Registry.AssetKind.Environment)
        {
            // An environment's content is its YAML and every local file it references (conda file, build context).
            var referenced = new List<string> { spec.RelativePath };
            foreach (var value in new[] { spec.Root.GetString("conda_file"), spec.Root.GetMapping("build")?.GetString("path") })
            {
                if (value is not null && !WorkspacePaths.IsRemote(value) && WorkspacePaths.Resolve(spec.RelativePath, value) is { } resolved)
                {
                    var full = Path.Combine(root, resolved);
                    RepositoryLinks.Check(root, full, spec.RelativePath);
                    referenced.AddRange(Directory.Exists(full)
                        ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root,
                            f).Replace('\\', '/'))
                        : [resolved]);
                }
            }

            return await RegistryContent.StoreFilesAsync(store, referenced.Distinct().Select(r => (r, Path.Combine(root, r))), cancel);
        }

        var path = spec.Root.GetString("path") ?? throw WorkflowException.Usage($"{spec.RelativePath} has no 'path'; pass --path or --from-run");
        var local = WorkspacePaths.IsRemote(path) ? null : WorkspacePaths.Resolve(spec.RelativePath, path);
        if (local is not null)
        {
            RepositoryLinks.Check(root, Path.Combine(root, local), spec.Root.Entry("path")?.Value.Span.ToString() ?? spec.RelativePath);
        }

        return local is null
            ? throw WorkflowException.Usage($"{spec.RelativePath}: path '{path}' is not a local path; pass --path or --from-run")
            : await RegistryContent.StorePathAsync(store, Path.Combine(root, local), cancel);
    }

    private static void Merge(Dictionary<string, string> target, IEnumerable<string> pairs, string option)
    {
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw WorkflowException.Usage($"{option} '{pair}' must be NAME=VALUE");
            }

            target[pair[..equals]] = pair[(equals + 1)..];
        }
    }
}
