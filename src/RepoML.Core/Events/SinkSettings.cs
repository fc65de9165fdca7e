namespace RepoML.Core.Events;

/// <summary>
/// One delivery target from the events file. Secrets are never in the file: <paramref name="SecretEnv"/> names the
/// environment variable holding the webhook secret, Event Grid key or GitHub token.
/// </summary>
/// <param name="Types">Event types delivered to this sink; empty = all (GitHub sinks take deployment events only).</param>
/// <param name="Address">Webhook URL, Event Grid topic endpoint, or GitHub API URL (default https://api.github.com).</param>
/// <param name="Repository">GitHub <c>owner/name</c>.</param>
/// <param name="Environment">GitHub deployment environment; default the event's endpoint.</param>
/// <param name="Ref">Git ref GitHub deployments are created for; default <c>main</c>.</param>
public sealed record SinkSettings(string Name, string Type, IReadOnlyList<string> Types, string? Address, string? SecretEnv, string? Repository,
    string? Environment, string? Ref)
{
    public const string Webhook = "webhook";
    public const string EventGrid = "event_grid";
    public const string GitHubDeployments = "github_deployments";

    public bool Accepts(string type) => Types.Count == 0 || Types.Contains(type, StringComparer.Ordinal);
}
