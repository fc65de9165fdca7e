using System.Collections.Concurrent;
using RepoML.Core.Runs;

namespace RepoML.Workflows.Pipelines;

/// <summary>A job's progress within one run, and where its outputs are on disk once they are needed there.</summary>
public sealed class JobState
{
    public JobRecord? Record { get; set; }

    public bool Started { get; set; }

    /// <summary>Output name → local path, for outputs this run produced or restored from the store.</summary>
    public ConcurrentDictionary<string, Lazy<Task<string>>> LocalOutputs { get; } = new(StringComparer.Ordinal);

    public bool Succeeded => Record?.Status == JobRecord.Completed;
}
