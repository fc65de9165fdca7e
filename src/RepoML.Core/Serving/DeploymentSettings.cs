namespace RepoML.Core.Serving;

/// <summary>What the scoring server reads from an online deployment file.</summary>
/// <param name="Model">The model reference as written (<c>azureml:credit@latest</c>), or the inline model's path; null when absent.</param>
/// <param name="ModelIsInlinePath">True when <see cref="Model"/> is an inline model's <c>path</c>, relative to the deployment file.</param>
/// <param name="ScoringScript">The <c>code_configuration</c> scoring script, when the deployment has one.</param>
/// <param name="MaxConcurrentRequests">Requests scored at once; null for no limit.</param>
/// <param name="DataCollection">Null when no collection is enabled.</param>
public sealed record DeploymentSettings(
    string Name,
    string? Model,
    bool ModelIsInlinePath,
    string? CodeFolder,
    string? ScoringScript,
    int? RequestTimeoutMs,
    int? MaxConcurrentRequests,
    DataCollectionSettings? DataCollection,
    ProbeSettings? Liveness,
    ProbeSettings? Readiness)
{
    /// <summary>Requests allowed to wait beyond <see cref="MaxConcurrentRequests"/> before 429: as many again.</summary>
    public int QueueLimit => MaxConcurrentRequests ?? 0;
}
