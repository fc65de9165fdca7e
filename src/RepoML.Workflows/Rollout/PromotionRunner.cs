namespace RepoML.Workflows.Rollout;

/// <summary>
/// The shell around <see cref="RolloutDecider"/>: gathers the state (files, registry, Git history, live metrics, comparison),
/// asks for the decision, then writes it — edits in place and a commit, or a pull request — and reports.
/// </summary>
public static class PromotionRunner
{
    /// <exception cref="WorkflowException">The plan does not validate, or the request names nothing.</exception>
    public static async Task<PromotionResult> RunAsync(WorkflowContext context, PromotionOptions options, Func<IPromotionProposer>? proposer,
        CancellationToken cancellation)
    {
        var root = Disk.WorkspaceRoot.Find(context.FullPath(options.Endpoint));
        var folder = EndpointFolder.Read(root, context.FullPath(options.Endpoint));
        var planPath = options.Plan is { } p ? Path.GetRelativePath(root, context.FullPath(p)).Replace('\\',
            '/') : $"{folder.Relative}/{RolloutPlan.FileName}";
        var planFile = Path.Combine(root, planPath);
        if (!File.Exists(planFile))
        {
            throw WorkflowException.Usage($"no rollout plan at {planPath}; write one (docs/rollout.md) or pass --plan");
        }

        var (plan, diagnostics) = RolloutPlanReader.Read(planPath, File.ReadAllText(planFile));
        if (plan is null)
        {
            throw new WorkflowException(diagnostics, path => File.ReadAllText(Path.Combine(root, path)));
        }

        using var registry = RegistryAccess.Open(context, options.Branch);
        var modelName = plan.Model ?? folder.Endpoint.Root.GetMapping("tags")?.GetString("model") ?? folder.Name;
        var asset = registry.Snapshot.Find(AssetKind.Model, modelName)
            ?? throw new RegistryException(RegistryErrors.BadReference, $"no model named '{modelName}' is registered; register one before promoting");
        var target = Target(asset, options.ToVersion);
        var state = PromotionState.Read(folder, asset, target);
        var live = await ReconcileAsync(context, root, folder, options.MetricsUrl ?? plan.MetricsUrl,
            options.DryRun ? TimeSpan.Zero : options.Wait ?? PromotionOptions.DefaultWait, cancellation);
        var git = new GitContext(root);
        var messages = git.CommitMessages(folder.Relative);
        var evidence = await GatherEvidenceAsync(context, options, plan, registry, folder.Relative, state, target, messages, cancellation);
        var request = new PromotionRequest(plan, state, modelName, target.Version, asset.Labels().GetValueOrDefault(plan.Label)?.Version,
            PromotionMessage.RolledBack(messages, modelName), options.ToVersion is not null, evidence.Evidence, live);
        var decision = RolloutDecider.Decide(request);
        var message = PromotionMessage.Format(decision, folder.Name, modelName, Actor(git, context.GetEnvironmentVariable), planPath, evidence.Raw);
        if (live.Deployments is not null)
        {
            // What was live when the step was decided: a rollback names what actually served, not only what Git said.
            message = message.Replace("\n\nRequested-by: ", $"\nLive: {live.Served}.\n\nRequested-by: ", StringComparison.Ordinal);
        }

        var files = Files(decision, folder, asset, target);
        string? commit = null;
        ProposalOutcome? proposal = null;
        if (!options.DryRun && decision.ChangesSomething)
        {
            if (options.Via == "pull-request")
            {
                proposal = await ProposeAsync(context, options, folder, decision, message, files, proposer ?? (() => DefaultProposer(context)),
                    cancellation);
            }
            else
            {
                commit = git.Commit([.. files.Select(f => (f.Key, (string?)f.Value))], message);
            }
        }

        if (commit is not null)
        {
            await PublishAsync(context, root, folder.Name, modelName, decision, commit, cancellation);
        }

        return new PromotionResult(decision, message, [.. files.Keys], commit, proposal) { Live = live };
    }

    /// <summary>
    /// Reads what the live endpoint serves beside what the files say; while they disagree (the last step is not applied yet), polls
    /// for up to <paramref name="wait"/>, saying so once.
    /// </summary>
    private static async Task<LiveState> ReconcileAsync(WorkflowContext context, string root, EndpointFolder folder, string? address, TimeSpan wait,
        CancellationToken cancellation)
    {
        var desired = EndpointStatusReader.Desired(root, folder);
        var live = await EndpointStatusReader.LiveAsync(desired, address, cancellation);
        var clock = Stopwatch.StartNew();
        var said = false;
        while (live.Problem is null && !live.InSync && clock.Elapsed < wait)
        {
            if (!said)
            {
                await context.Error.WriteLineAsync($"waiting up to {SoakDuration.Format(wait)} for the live endpoint to serve what Git says: " +
                    live.Drift);
                said = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
            live = await EndpointStatusReader.LiveAsync(desired, address, cancellation);
        }

        if (said && live.InSync)
        {
            await context.Error.WriteLineAsync($"the live endpoint serves what Git says (after {clock.Elapsed.TotalSeconds:F1} s)");
        }

        return live;
    }

    /// <summary>Who asks: the CI user when there is one, else the Git identity.</summary>
    private static string Actor(GitContext git, Func<string, string?> environment)
    {
        if (environment("GITHUB_ACTOR") is { Length: > 0 } actor)
        {
            return $"{actor} (GitHub Actions)";
        }

        if (environment("BUILD_REQUESTEDFOR") is { Length: > 0 } requester)
        {
            return $"{requester} (Azure Pipelines)";
        }

        var (name, email) = git.Identity();
        return name.Length > 0 ? $"{name} <{email}>" : "RepoML <repoml@localhost>";
    }

    /// <summary>A committed step is a deployment: ModelDeployed, or DeploymentFailed for a rollback (the event id is the commit's).</summary>
    private static async Task PublishAsync(WorkflowContext context, string root, string endpoint, string model, PromotionDecision decision,
        string commit, CancellationToken cancellation)
    {
        var (publisher, _, settings) = WorkspaceEvents.Create(context, root);
        var source = WorkspaceEvents.Source(settings, root);
        var deployment = decision.Candidate ?? decision.Stable ?? "*";
        var modelIds = new[] { $"{model}:{decision.Target}" };
        var now = context.Time.GetUtcNow();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["traffic"] = string.Join(",", decision.Traffic.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")),
            ["action"] = decision.Action.ToString(),
            ["commit"] = commit,
        };
        var lifecycle = decision.Action == PromotionAction.RollBack
            ? Core.Events.LifecycleEvents.DeploymentFailed(source, now, endpoint, deployment, modelIds, decision.Reason, commit)
            : Core.Events.LifecycleEvents.ModelDeployed(source, now, endpoint, deployment, modelIds, "local", properties, commit);
        await publisher.PublishAsync(lifecycle, cancellation);
    }

    private static RegisteredVersion Target(RegisteredAsset asset, string? toVersion)
    {
        if (toVersion is null or "@latest" or "latest")
        {
            return asset.Latest() ?? throw new RegistryException(RegistryErrors.BadReference, $"every version of {asset.Name} is archived");
        }

        var reference = RegistrySnapshot.ParseReference(toVersion.StartsWith('@') ? asset.Name + toVersion : $"{asset.Name}:{toVersion}");
        var found = reference.Label is { } label ? asset.Labeled(label) : asset.Version(int.Parse(reference.Version!,
            System.Globalization.CultureInfo.InvariantCulture));
        if (found is null || asset.IsArchived(found))
        {
            throw WorkflowException.Usage($"--to-version {toVersion}: {asset.Name} has no such registered, unarchived version (latest " +
                $"is {asset.Latest()?.Version.ToString() ?? "none"})");
        }

        return found;
    }

    private static async Task<(GateEvidence Evidence, DeploymentCounters? Raw)> GatherEvidenceAsync(
        WorkflowContext context, PromotionOptions options, RolloutPlan plan, GitModelRegistry registry, string folder, EndpointState state,
            RegisteredVersion target, IReadOnlyList<string> messages, CancellationToken cancellation)
    {
        var candidate = state.Deployments.Where(d => d.Version == target.Version && d.IsPinned).OrderByDescending(d
            => state.TrafficOf(d.Name)).FirstOrDefault();
        var since = new GitContext(registry.Root).LastCommitTime(folder);
        var age = since is { } s ? context.Time.GetUtcNow() - s : (TimeSpan?)null;
        if (candidate is null)
        {
            return (new GateEvidence(null, null, age), null);
        }

        bool? compared = null;
        IReadOnlyList<string> failedGates = [];
        if (state.TrafficOf(candidate.Name) == 0 && plan.Compare is { } gate)
        {
            var stable = state.Deployments.Where(d => d.Name != candidate.Name).MaxBy(d => state.TrafficOf(d.Name));
            (compared, failedGates) = await ComparisonGate.RunAsync(context, registry, gate, target, stable?.Version, options.Store, cancellation);
        }

        var (samples, problem) = await MetricsScraper.ScrapeAsync(options.MetricsUrl ?? plan.MetricsUrl, cancellation);
        var raw = samples is null ? null : DeploymentCounters.From(samples, candidate.Name);
        // The stable deployment's refusals since it started: the rate a candidate's own refusals are measured against.
        var serving = state.Deployments.Where(d => d.Name != candidate.Name && state.TrafficOf(d.Name) > 0).MaxBy(d => state.TrafficOf(d.Name));
        var window = raw?.Since(PromotionMessage.Baseline(messages, candidate.Name))
            .ChargeExcessRejections(serving is null || samples is null ? null : DeploymentCounters.From(samples, serving.Name));
        return (new GateEvidence(window, compared, age, problem, failedGates), raw);
    }

    private static Dictionary<string, string> Files(PromotionDecision decision, EndpointFolder folder, RegisteredAsset asset,
        RegisteredVersion target)
    {
        var deployments = folder.Deployments.ToDictionary(d => d.Key, d => (d.Value.Path, d.Value.Text), StringComparer.Ordinal);
        var files = new Dictionary<string, string>(EndpointFileEdits.Apply(decision, (folder.Endpoint.Path, folder.Endpoint.Text), deployments),
            StringComparer.Ordinal);
        if (decision.Label is { } label)
        {
            files[RegistryPath.Label(AssetKind.Model, asset.Name, label).Path] = target.Key + "\n";
        }

        return files;
    }

    private static async Task<ProposalOutcome> ProposeAsync(
        WorkflowContext context, PromotionOptions options, EndpointFolder folder, PromotionDecision decision, string message,
            IReadOnlyDictionary<string, string> files, Func<IPromotionProposer> proposer, CancellationToken cancellation)
    {
        var repository = options.GitHubRepository ?? context.GetEnvironmentVariable("GITHUB_REPOSITORY")
            ?? throw WorkflowException.Usage("--via pull-request needs --github-repo OWNER/NAME (or GITHUB_REPOSITORY)");
        var parts = repository.Split('/');
        if (parts.Length != 2)
        {
            throw WorkflowException.Usage($"--github-repo '{repository}' is not OWNER/NAME");
        }

        var lines = message.Split('\n', 2);
        var branch = $"repoml/promote/{folder.Name}/v{decision.Target}-{decision.Action.ToString().ToLowerInvariant()}-step{decision.Step}";
        var proposal = new PromotionProposal(parts[0], parts[1], options.BaseBranch ?? "main", branch, lines[0].Trim(),
            lines.Length > 1 ? lines[1].Trim() : "", files);
        return await proposer().ProposeAsync(proposal, cancellation);
    }

    private static IPromotionProposer DefaultProposer(WorkflowContext context)
    {
        var token = context.GetEnvironmentVariable("GITHUB_TOKEN") ?? throw WorkflowException.Usage("--via pull-request needs GITHUB_TOKEN");
        var api = context.GetEnvironmentVariable("GITHUB_API_URL") is { Length: > 0 } url ? new Uri(url.EndsWith('/') ? url : url + "/") : null;
        return GitHub.GitHubPromotionProposer.Create(token, api);
    }
}
