namespace RepoML.Azure;

/// <summary>What <c>repoml deploy ENDPOINT --target azureml</c> reconciles.</summary>
/// <param name="EndpointFile">The endpoint YAML's path (local paths in it and its deployments resolve from their files).</param>
/// <param name="Deployments">Each deployment's YAML and its path.</param>
/// <param name="ResolveModel">A deployment's <c>model:</c> reference as the registered version (the registry's answer).</param>
/// <param name="Image">The packaged serving image; each deployment's environment becomes a version holding it. Null: the environment versions must exist.</param>
/// <param name="Environments">Environment name → its YAML (for <c>inference_config</c>).</param>
public sealed record AzureMlEndpointRequest(
    YamlMapping Endpoint,
    string EndpointFile,
    IReadOnlyList<(YamlMapping Deployment, string File)> Deployments,
    Func<string, DeploymentModel> ResolveModel,
    string? Image,
    IReadOnlyDictionary<string, YamlMapping> Environments);
