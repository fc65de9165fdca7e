namespace RepoML.Core.Serving;

/// <summary>A deployment's model cannot be found or loaded: an expected problem, reported with the deployment's name.</summary>
public sealed class ModelResolutionException(string message) : Exception(message);
