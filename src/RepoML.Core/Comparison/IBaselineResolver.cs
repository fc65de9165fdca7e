namespace RepoML.Core.Comparison;

/// <summary>
/// Finds the model a candidate is compared against. the baseline argument is what the user wrote after
/// <c>--baseline</c> (a version, <c>@LABEL</c>, a Git ref, a folder or a run id), or null for the default: the latest
/// registered version on the default branch. Returns null when there is no baseline (the model's first version).
/// </summary>
public interface IBaselineResolver
{
    Task<ResolvedModel?> ResolveAsync(string model, string? baseline, CancellationToken cancellationToken = default);
}
