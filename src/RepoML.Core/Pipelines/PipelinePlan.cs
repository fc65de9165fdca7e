namespace RepoML.Core.Pipelines;

/// <summary>A pipeline job resolved into runnable jobs, in dependency order.</summary>
public sealed record PipelinePlan(
    string PipelinePath,
    IReadOnlyList<PlannedJob> Jobs,
    IReadOnlyDictionary<string, PlanValue> Inputs,
    bool ContinueOnStepFailure,
    bool ForceRerun)
{
    public PlannedJob Job(string name) => Jobs.First(j => j.Name == name);

    /// <summary>Every job that (transitively) consumes <paramref name="job"/>'s outputs.</summary>
    public IEnumerable<string> Downstream(string job)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var frontier = new Queue<string>([job]);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            foreach (var next in Jobs.Where(j => j.Upstream.Contains(current) && result.Add(j.Name)))
            {
                frontier.Enqueue(next.Name);
            }
        }

        return result;
    }
}
