namespace RepoML.Core.Rollout;

/// <summary>One deployment of the endpoint as its files say now.</summary>
/// <param name="Name">The deployment's name (its key in the endpoint's traffic).</param>
/// <param name="ModelReference">The file's <c>model:</c> text, e.g. <c>azureml:credit:3</c> or <c>azureml:credit@latest</c>; null for an
/// inline model.</param>
/// <param name="Version">The registered version it serves (floating references resolved as they stood before the target was registered);
/// null when unknown.</param>
public sealed record DeploymentState(string Name, string? ModelReference, int? Version)
{
    /// <summary>True when the file names one exact version (<c>name:N</c>), so a reload cannot change what it serves.</summary>
    public bool IsPinned => ModelReference is { } r && Version is { } v && r.EndsWith($":{v}", StringComparison.Ordinal);
}
