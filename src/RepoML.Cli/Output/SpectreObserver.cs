namespace RepoML.Cli.Output;

/// <summary>Progress for a person at a terminal: one Spectre progress row per job.</summary>
public sealed class SpectreObserver(ProgressContext progress, IEnumerable<string> jobs) : IRunObserver
{
    private readonly Dictionary<string, ProgressTask> tasks = jobs.ToDictionary(j => j, j => progress.AddTask($"[grey]{Markup.Escape(j)}[/]",
        autoStart: false, maxValue: 1));
    private readonly Lock gate = new();

    public void JobStarted(string job)
    {
        lock (gate)
        {
            tasks[job].Description = $"[yellow]{Markup.Escape(job)}[/] running";
            tasks[job].StartTask();
            tasks[job].IsIndeterminate = true;
        }
    }

    public void JobFinished(JobRecord record)
    {
        lock (gate)
        {
            var task = tasks[record.Name];
            var color = record.Status == JobRecord.Completed ? "green" : record.Status == JobRecord.Failed ? "red" : "grey";
            task.Description = $"[{color}]{Markup.Escape(record.Name)}[/] {record.Status}{(record.Cached ? " (cached)" : "")}";
            task.IsIndeterminate = false;
            task.Value = 1;
            task.StopTask();
        }
    }
}
