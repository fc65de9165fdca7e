namespace RepoML.Core.Site;

/// <summary>
/// One run of a monitor as its history file keeps it (<c>.repoml/monitor/ENDPOINT/MONITOR/history.json</c>): when, the
/// share of features that drifted, whether the dataset drifted, and how many alerts it raised.
/// </summary>
public sealed record MonitorPoint(string Endpoint, string Monitor, DateTimeOffset When, double? DriftShare, bool? Drifted, int Alerts);
