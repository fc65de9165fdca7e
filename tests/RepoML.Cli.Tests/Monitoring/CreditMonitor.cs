namespace RepoML.Cli.Tests.Monitoring;

/// <summary>
/// The sample credit workspace with its monitor and no webhook, the credit data split into feature rows and labels, and the hour
/// its traffic is collected in: what every monitor report test starts from.
/// </summary>
internal sealed class CreditMonitor : IDisposable
{
    public static readonly DateTimeOffset Hour = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public CreditMonitor()
    {
        (Columns, Rows, Labels) = MonitorCommandTests.Credit(Workspace.Root);
    }

    public TempWorkspace Workspace { get; } = MonitorCommandTests.CreditWorkspace(webhook: null);

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The row moved away from the training distribution.</summary>
    public string[] Shift(string[] row) => MonitorCommandTests.Shift(Columns, row);

    /// <summary>The labels from <paramref name="skip"/> on, as the model's boolean predictions ("good" is "true").</summary>
    public List<string> Predictions(int skip, int take) => [.. Labels.Skip(skip).Take(take).Select(l => l == "good" ? "true" : "false")];

    /// <summary>Writes the rows and predictions as the scoring server collects them, at <paramref name="time"/>.</summary>
    public void Collect(IReadOnlyList<string[]> rows, IReadOnlyList<string> predictions, DateTimeOffset time) =>
        CollectedFiles.Write(Workspace.Root, Columns, rows, predictions, time);

    public void Dispose() => Workspace.Dispose();
}
