namespace RepoML.Core.Pipelines;

/// <summary>
/// One job, ready to run: its command template, bound inputs, declared outputs, and what its cache key covers
/// (<see cref="Definition"/> is the canonical text of the component or inline job).
/// </summary>
public sealed record PlannedJob(
    string Name,
    string CommandTemplate,
    string Definition,
    string? CodePath,
    string? EnvironmentName,
    string? EnvironmentPath,
    IReadOnlyDictionary<string, PlanValue> Inputs,
    IReadOnlyList<OutputPort> Outputs,
    bool IsDeterministic)
{
    /// <summary>The job's <c>environment_variables</c> (its component's, then the step's own, which win).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>The image the job's environment names or builds, for <c>repoml run --isolation container</c>.</summary>
    public EnvironmentImage? Image { get; init; }

    /// <summary>The job's <c>limits.timeout</c>: the command is killed and the job fails when it runs longer.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>For a sweep job: how its trials are drawn and judged (the command is the trial's, with <c>${{search_space.x}}</c>).</summary>
    public Sweeps.SweepSettings? Sweep { get; init; }

    /// <summary>Jobs whose outputs this job consumes.</summary>
    public IReadOnlySet<string> Upstream { get; } =
        Inputs.Values.OfType<JobOutputValue>().Select(v => v.Job).ToHashSet(StringComparer.Ordinal);
}
