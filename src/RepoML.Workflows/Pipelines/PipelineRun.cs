namespace RepoML.Workflows.Pipelines;

/// <summary>
/// The work of <c>repoml run PIPELINE.yml</c>: <see cref="Prepare"/> validates the file and plans its jobs (inputs overridden
/// by <c>--set inputs.NAME=VALUE</c>); <see cref="RunAsync"/> runs them, reusing cached outputs, and publishes the run's events.
/// </summary>
public sealed class PipelineRun
{
    private readonly WorkflowContext context;
    private readonly PipelineRunRequest request;
    private readonly DiskWorkspaceFiles files;
    private readonly Workspace workspace;
    private readonly PipelinePlan plan;

    private PipelineRun(WorkflowContext context, PipelineRunRequest request, DiskWorkspaceFiles files, Workspace workspace, PipelinePlan plan)
    {
        this.context = context;
        this.request = request;
        this.files = files;
        this.workspace = workspace;
        this.plan = plan;
    }

    /// <summary>The jobs that will run, in plan order.</summary>
    public IReadOnlyList<string> Jobs => [.. plan.Jobs.Select(j => j.Name)];

    /// <exception cref="WorkflowException">No such pipeline file, a bad <c>--set</c>, or a file that does not validate or plan.</exception>
    public static PipelineRun Prepare(WorkflowContext context, PipelineRunRequest request)
    {
        var full = context.FullPath(request.Pipeline);
        if (!File.Exists(full))
        {
            throw WorkflowException.Usage($"pipeline file '{request.Pipeline}' does not exist");
        }

        var overrides = request.Sets.Select(ParseSet).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var files = new DiskWorkspaceFiles(WorkspaceRoot.Find(full));
        var relative = files.TryRelative(full)!;
        var workspace = WorkspaceLoader.Load(files, [relative]);
        var spec = workspace.File(relative);
        if (spec is not null && JobFileKind.AsJob(spec) is { } job)
        {
            // Named as a job but without $schema: az ml job create reads it by its type, and so does a local run.
            (workspace, spec) = (Retyped(workspace, job), job);
        }

        // Component files a job names by path resolve from the job file's folder, as in Azure ML, wherever that folder is.
        var components = spec is null ? [] : PipelinePlanner.ComponentFiles(spec).Where(p => workspace.File(p) is null && files.FileExists(p)).ToList();
        if (components.Count > 0)
        {
            workspace = WorkspaceLoader.Load(files, [relative, .. components]);
            spec = workspace.File(relative);
            if (spec is not null && JobFileKind.AsJob(spec) is { } retyped)
            {
                (workspace, spec) = (Retyped(workspace, retyped), retyped);
            }
        }

        if (spec is { Kind: null } && spec.Diagnostics.Where(d => d.IsError).ToList() is { Count: > 0 } unreadable)
        {
            // A YAML syntax error leaves no kind to tell; say what is wrong rather than "not a job file".
            throw new WorkflowException(unreadable, _ => spec.Text);
        }

        if (spec is not { Kind: SpecKind.PipelineJob or SpecKind.CommandJob or SpecKind.SweepJob })
        {
            throw WorkflowException.Usage(spec?.Root?["type"] is YamlScalar { Value: var type } declared
                ? $"{declared.Span}: '{request.Pipeline}' is a {type} job; repoml run runs command, sweep and pipeline jobs locally (run {type} jobs on Azure ML)"
                : $"'{request.Pipeline}' is not a command, sweep or pipeline job file");
        }

        WorkspaceValidator.Validate(workspace, files);
        var errors = spec.Diagnostics.Where(d => d.IsError).ToList();
        var (plan, diagnostics) = errors.Count == 0 ? PipelinePlanner.Plan(workspace, spec, overrides) : (null, []);
        errors.AddRange(diagnostics.Where(d => d.IsError));
        if (plan is null || errors.Count > 0)
        {
            throw new WorkflowException(errors, _ => spec.Text);
        }

        return new PipelineRun(context, request, files, workspace, plan);
    }

    private static Workspace Retyped(Workspace workspace, SpecFile job) =>
        new([.. workspace.Files.Select(f => f.Path == job.Path ? job : f)]);

    /// <summary>Runs the plan, telling <paramref name="observer"/> as jobs start and end; the record says how it went.</summary>
    public async Task<RunRecord> RunAsync(IRunObserver observer, CancellationToken cancellation)
    {
        var store = ArtifactStoreFactory.Create(request.Store ?? context.GetEnvironmentVariable("REPOML_STORE"), files.Root,
            context.GetEnvironmentVariable);
        var settings = new PipelineRunSettings(files, workspace, store, context.Time, observer, request.ForceRerun, Math.Max(1, request.MaxParallel),
            request.ToolAssembly, request.InContainers);
        var record = await new PipelineRunner(settings).RunAsync(plan, cancellation);
        record = await OutputRegistrations.RegisterAsync(context, plan, record, request.Store, cancellation);

        // Lifecycle events (RunStatusChanged, RunCompleted): outbox first, then the sinks of events.yml.
        await WorkspaceEvents.PublishRunAsync(context, files.Root, record, cancellation);
        return record;
    }

    private static (string Name, string Value) ParseSet(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (!text.StartsWith("inputs.", StringComparison.Ordinal) || equals < 0)
        {
            throw WorkflowException.Usage($"--set expects inputs.NAME=VALUE, got '{text}'");
        }

        return (text["inputs.".Length..equals], text[(equals + 1)..]);
    }
}
