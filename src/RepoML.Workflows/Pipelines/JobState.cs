namespace RepoML.Workflows.Pipelines;

/// <summary>A job's progress within one run, as the scheduler (<see cref="PipelineRunner"/>) tracks it.</summary>
public sealed class JobState
{
    public JobRecord? Record { get; set; }

    public bool Started { get; set; }

    public bool Succeeded => Record?.Status == JobRecord.Completed;
}
