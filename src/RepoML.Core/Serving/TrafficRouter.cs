namespace RepoML.Core.Serving;

/// <summary>
/// Splits requests between deployments by whole-percentage weights with smooth weighted round robin (as nginx does):
/// deterministic, and within any window of 100 requests each deployment gets its share to within one request,
/// so a 90/10 split holds over small samples too. Thread-safe.
/// </summary>
public sealed class TrafficRouter
{
    private readonly string[] names;
    private readonly int[] weights;
    private readonly int[] current;
    private readonly int total;
    private readonly Lock gate = new();

    public TrafficRouter(IReadOnlyDictionary<string, int> traffic)
    {
        // Ordinal order so that the sequence does not depend on YAML key order.
        var live = traffic.Where(t => t.Value > 0).OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        names = [.. live.Select(t => t.Key)];
        weights = [.. live.Select(t => t.Value)];
        current = new int[names.Length];
        total = weights.Sum();
    }

    /// <summary>Deployments that take live traffic, with their weights.</summary>
    public IReadOnlyDictionary<string, int> Weights => names.Zip(weights).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    /// <summary>The deployment for the next request, or null when no deployment takes traffic.</summary>
    public string? Next()
    {
        if (names.Length == 0)
        {
            return null;
        }

        if (names.Length == 1)
        {
            return names[0];
        }

        lock (gate)
        {
            var best = 0;
            for (var i = 0; i < names.Length; i++)
            {
                current[i] += weights[i];
                if (current[i] > current[best])
                {
                    best = i;
                }
            }

            current[best] -= total;
            return names[best];
        }
    }
}
