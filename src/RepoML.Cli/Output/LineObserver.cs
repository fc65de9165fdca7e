namespace RepoML.Cli.Output;

/// <summary>Progress as plain lines (CI logs, redirected output): one when a job starts, one when it ends.</summary>
public sealed class LineObserver(TextWriter writer) : IRunObserver
{
    private readonly Lock gate = new();

    public void JobStarted(string job)
    {
        lock (gate)
        {
            writer.WriteLine($"▶ {job}");
        }
    }

    public void JobFinished(JobRecord record)
    {
        var mark = record.Status switch
        {
            JobRecord.Completed => record.Cached ? "↺" : "✔",
            JobRecord.Failed => "✘",
            _ => "–",
        };
        lock (gate)
        {
            writer.WriteLine($"{mark} {record.Name} {record.Status}{(record.Cached ? " (cached)" : "")} in {record.DurationSeconds:F1}s");
        }
    }
}
