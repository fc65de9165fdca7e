namespace RepoML.Workflows.Monitoring;

/// <summary>
/// Keeps each monitor run's drift figures in <c>.repoml/monitor/&lt;endpoint&gt;/&lt;monitor&gt;/history.json</c> (Core's
/// <see cref="DriftHistory"/> format): read and checked against its digest, the new window added, written atomically. A
/// damaged file is set aside as <c>history.json.damaged</c> with a warning, and the history starts again.
/// </summary>
public static class DriftHistoryFile
{
    public const string FileName = "history.json";

    public static string PathOf(string root, string endpoint, string monitor) =>
        NameGate.Under(root, ".repoml", "monitor", NameGate.Check(endpoint, NameKind.Segment, "endpoint name"),
            NameGate.Check(monitor, NameKind.Segment, "monitor name"), FileName);

    /// <returns>The history with this report's window added (oldest first); the report's window alone when none was kept.</returns>
    public static IReadOnlyList<DriftWindow> Record(WorkflowContext context, string root, MonitorReport report)
    {
        if (DriftWindow.Of(report) is not { } window)
        {
            return [];
        }

        try
        {
            return Update(context, root, PathOf(root, report.Endpoint, report.Spec.Name), window);
        }
        catch (Exception ex) when (ex is UnsafeNameException or IOException or UnauthorizedAccessException)
        {
            // The history is a convenience: this window's figures still go to the report and the exit code.
            context.Error.WriteLine($"warning: drift history not kept: {ex.Message}");
            return [window];
        }
    }

    private static IReadOnlyList<DriftWindow> Update(WorkflowContext context, string root, string path, DriftWindow window)
    {
        IReadOnlyList<DriftWindow> history = [];
        if (File.Exists(path))
        {
            var (windows, problem) = DriftHistory.Read(File.ReadAllText(path));
            if (problem is not null)
            {
                File.Move(path, path + ".damaged", overwrite: true);
                context.Error.WriteLine($"warning: {Path.GetRelativePath(root, path)}: {problem}; kept as {FileName}.damaged, starting a new history");
            }

            history = windows;
        }

        var updated = DriftHistory.Append(history, window);
        AtomicText.Write(path, DriftHistory.Write(updated));
        return updated;
    }
}
