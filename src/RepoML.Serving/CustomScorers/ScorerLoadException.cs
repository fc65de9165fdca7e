namespace RepoML.Serving.CustomScorers;

/// <summary>
/// A custom scorer cannot be served: its scoring script is of a kind the local server does not run, its project does
/// not build, or its class does not follow the contract or fails in <c>Init</c>. An expected problem: the deployment
/// is not loaded and this message says why.
/// </summary>
public sealed class ScorerLoadException(string message) : Exception(message);
