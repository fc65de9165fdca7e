namespace RepoML.Serving.Hosting;

/// <summary>The endpoint folder cannot be served: invalid YAML, no online endpoint, … (an expected problem, not a bug).</summary>
public sealed class EndpointLoadException(string message) : Exception(message);
