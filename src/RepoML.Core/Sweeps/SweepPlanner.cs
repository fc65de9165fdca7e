namespace RepoML.Core.Sweeps;

/// <summary>Turns a search space into the list of trial parameter sets. Pure and deterministic.</summary>
public static class SweepPlanner
{
    /// <param name="maxTrials">Grid: at most this many combinations (null = all); random: exactly this many draws.</param>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Plan(IReadOnlyList<SearchDimension> space, SearchAlgorithm algorithm,
        int? maxTrials, int seed)
    {
        if (space.Count == 0)
        {
            throw new SearchSpaceException("a sweep needs at least one search dimension");
        }

        if (space.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != space.Count)
        {
            throw new SearchSpaceException("each hyper-parameter may appear only once in the search space");
        }

        if (algorithm == SearchAlgorithm.Random)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(0, maxTrials ?? 10).Select(_ => (IReadOnlyDictionary<string, double>)space.ToDictionary(d => d.Name, d
                => d.Sample(random), StringComparer.Ordinal))];
        }

        if (space.FirstOrDefault(d => d.Choices is null) is { } range)
        {
            throw new SearchSpaceException($"grid search needs a list of values for '{range.Name}', not a range; sample ranges " +
                "at random");
        }

        IEnumerable<Dictionary<string, double>> grid = [new Dictionary<string, double>(StringComparer.Ordinal)];
        foreach (var dimension in space)
        {
            grid = grid.SelectMany(partial => dimension.Choices!.Select(v => new Dictionary<string, double>(partial,
                StringComparer.Ordinal) { [dimension.Name] = v }));
        }

        return [.. grid.Take(maxTrials ?? int.MaxValue)];
    }
}
