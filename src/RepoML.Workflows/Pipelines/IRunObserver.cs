namespace RepoML.Workflows.Pipelines;

/// <summary>Hears about jobs as they start and finish: the progress display, or a log.</summary>
public interface IRunObserver
{
    void JobStarted(string job);

    void JobFinished(JobRecord record);
}
