using RepoML.Core.Monitoring;

namespace RepoML.Core.Site;

/// <summary>
/// A monitor's kept history (<c>.repoml/monitor/&lt;endpoint&gt;/&lt;monitor&gt;/history.json</c>, read and digest-checked by
/// <see cref="DriftHistory"/>, the format <c>repoml monitor</c> writes) as the site's points, oldest first. A file that does not
/// read back whole gives nothing: the site shows history, it does not repair it.
/// </summary>
public static class MonitorHistory
{
    public static IReadOnlyList<MonitorPoint> Parse(string endpoint, string monitor, string json) =>
        [.. DriftHistory.Read(json).Windows.Select(w => new MonitorPoint(endpoint, monitor, w.To, w.Share, w.Drifted, w.Alerts))];
}
