namespace RepoML.Workflows.Serving;

/// <summary>What <c>repoml batch invoke</c> scores, with which deployment, and where the output file goes.</summary>
/// <param name="Deployment">null: the endpoint's defaults.deployment_name, or its only deployment.</param>
/// <param name="Models">Deployment name → a model file or folder to use instead of its model.</param>
public sealed record BatchRequest(string Endpoint, IReadOnlyList<string> Inputs, string OutputPath, string? Deployment,
    IReadOnlyDictionary<string, string> Models);
