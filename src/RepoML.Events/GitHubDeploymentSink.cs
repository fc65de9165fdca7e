using RepoML.GitHub;
using CloudEvent = CloudNative.CloudEvents.CloudEvent;

namespace RepoML.Events;

/// <summary>
/// Mirrors deployment events as GitHub deployments and deployment statuses (through <see cref="GitHubDeployments"/>): ModelDeployed → a
/// deployment with
/// status <c>success</c>, DeploymentFailed → <c>failure</c>, for environment <c>&lt;endpoint&gt;/&lt;deployment&gt;</c>.
/// Other event types are not GitHub deployment facts and are skipped.
/// </summary>
public sealed class GitHubDeploymentSink(SinkSettings settings, GitHubDeployments github) : IEventSink
{
    public SinkSettings Settings { get; } = settings;

    public static GitHubDeploymentSink Create(SinkSettings settings, string token) =>
        new(settings, GitHubDeployments.Create(token, settings.Address is { } address ? new Uri(address) : null));

    public bool Accepts(CloudEvent cloudEvent) =>
        cloudEvent.Type is EventTypes.ModelDeployed or EventTypes.DeploymentFailed && Settings.Accepts(cloudEvent.Type);

    public async Task SendAsync(CloudEvent cloudEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var data = JsonDocument.Parse(CloudEventCodec.DataJson(cloudEvent));
        var endpoint = Text(data, "serviceName") ?? "endpoint";
        var deployment = Text(data, "deploymentName");
        var environment = Settings.Environment ?? (deployment is null ? endpoint : $"{endpoint}/{deployment}");
        var failed = cloudEvent.Type == EventTypes.DeploymentFailed;
        var payload = new Dictionary<string, string> { ["event_id"] = cloudEvent.Id!, ["model_ids"] = Text(data, "modelIds") ?? "" };
        await github.RecordAsync(Settings.Repository!, Settings.Ref ?? "main", environment,
            $"repoml: {Text(data, "modelIds")} (event {cloudEvent.Id})", payload,
            failed, failed ? Truncate(Text(data, "reason") ?? "deployment failed") : $"deployed {Text(data, "modelIds")}", cancellationToken);
    }

    private static string? Text(JsonDocument data, string name) =>
        data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty(name,
            out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // GitHub limits a status description to 140 characters.
    private static string Truncate(string text) => text.Length <= 140 ? text : text[..139] + "…";
}
