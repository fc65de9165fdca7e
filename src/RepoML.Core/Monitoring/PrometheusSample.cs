namespace RepoML.Core.Monitoring;

/// <summary>One sample line of the Prometheus text exposition format: metric name, labels and value.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? Label(string name) => Labels.GetValueOrDefault(name);
}
