namespace RepoML.Core.Pipelines;

/// <summary>Dependencies between the jobs of a pipeline: cycle detection and a run order.</summary>
public sealed class JobGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> upstream)
{
    /// <summary>For each job, the jobs whose outputs it consumes.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Upstream { get; } = upstream;

    /// <summary>A cycle as a list of job names (first repeated at the end), or null when the graph is acyclic.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var job in Upstream.Keys.Order(StringComparer.Ordinal))
        {
            var cycle = Visit(job, state, path);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>Jobs in an order where each comes after the jobs it consumes; ties broken by name. Requires no cycle.</summary>
    public IReadOnlyList<string> TopologicalOrder()
    {
        var remaining = Upstream.ToDictionary(p => p.Key, p => p.Value.Count(Upstream.ContainsKey), StringComparer.Ordinal);
        var order = new List<string>();
        var ready = new SortedSet<string>(remaining.Where(p => p.Value == 0).Select(p => p.Key), StringComparer.Ordinal);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var (job, deps) in Upstream)
            {
                if (deps.Contains(next) && --remaining[job] == 0)
                {
                    ready.Add(job);
                }
            }
        }

        return order;
    }

    private List<string>? Visit(string job, Dictionary<string, int> state, List<string> path)
    {
        switch (state.GetValueOrDefault(job))
        {
            case 2:
                return null;
            case 1:
                return [.. path[path.IndexOf(job)..], job];
        }

        state[job] = 1;
        path.Add(job);
        foreach (var dependency in Upstream.GetValueOrDefault(job, new HashSet<string>()).Where(Upstream.ContainsKey).Order(StringComparer.Ordinal))
        {
            var cycle = Visit(dependency, state, path);
            if (cycle is not null)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[job] = 2;
        return null;
    }
}
