namespace RepoML.Core.Sweeps;

/// <summary>How trials are drawn from the search space, as Azure ML sweep's <c>sampling_algorithm</c>.</summary>
public enum SearchAlgorithm
{
    /// <summary>Every combination of the choices (choices only), capped by the trial limit.</summary>
    Grid,

    /// <summary>Independent random draws, reproducible from the seed.</summary>
    Random,
}
