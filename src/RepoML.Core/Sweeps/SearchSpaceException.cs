namespace RepoML.Core.Sweeps;

/// <summary>A search space that cannot be planned: empty, a name twice, a range where grid search needs choices.</summary>
public sealed class SearchSpaceException(string message) : Exception(message);
