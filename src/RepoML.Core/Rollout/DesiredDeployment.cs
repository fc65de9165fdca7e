namespace RepoML.Core.Rollout;

/// <summary>One deployment as Git says it should be: its file's model reference resolved through the registry, and its traffic.</summary>
/// <param name="Reference">The file's <c>model:</c> (an <c>azureml:</c> reference or an inline path); null without a model.</param>
/// <param name="Model">The registered model's name; null for an inline path.</param>
/// <param name="Version">The version the reference resolves to now; null when it does not resolve.</param>
/// <param name="Digest">The content digest it should serve; null when unknown.</param>
/// <param name="Problem">Why the reference does not resolve, if it does not.</param>
public sealed record DesiredDeployment(string Name, string? Reference, string? Model, int? Version, string? Digest, int Traffic,
    string? Problem = null);
