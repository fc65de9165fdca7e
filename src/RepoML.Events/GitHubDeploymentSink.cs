using System.Collections.ObjectModel;
using System.Text.Json;
using Octokit;
using RepoML.Core.Events;
using CloudEvent = CloudNative.CloudEvents.CloudEvent;

namespace RepoML.Events;

/// <summary>
/// Mirrors deployment events as GitHub deployments and deployment statuses (Octokit): ModelDeployed → a deployment with
/// status <c>success</c>, DeploymentFailed → <c>failure</c>, for environment <c>&lt;endpoint&gt;/&lt;deployment&gt;</c>.
/// Other event types are not GitHub deployment facts and are skipped.
/// </summary>
public sealed class GitHubDeploymentSink(SinkSettings settings, IGitHubClient client) : IEventSink
{
    public SinkSettings Settings { get; } = settings;

    public static GitHubDeploymentSink Create(SinkSettings settings, string token)
    {
        var api = new Uri(settings.Address ?? "https://api.github.com/");
        var client = new GitHubClient(new ProductHeaderValue("repoml"), api) { Credentials = new Credentials(token) };
        return new GitHubDeploymentSink(settings, client);
    }

    public bool Accepts(CloudEvent cloudEvent) =>
        cloudEvent.Type is EventTypes.ModelDeployed or EventTypes.DeploymentFailed && Settings.Accepts(cloudEvent.Type);

    public async Task SendAsync(CloudEvent cloudEvent, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var parts = Settings.Repository!.Split('/');
        using var data = JsonDocument.Parse(CloudEventCodec.DataJson(cloudEvent));
        var endpoint = Text(data, "serviceName") ?? "endpoint";
        var deployment = Text(data, "deploymentName");
        var environment = Settings.Environment ?? (deployment is null ? endpoint : $"{endpoint}/{deployment}");
        var failed = cloudEvent.Type == EventTypes.DeploymentFailed;
        var created = await client.Repository.Deployment.Create(parts[0], parts[1], new NewDeployment(Settings.Ref ?? "main")
        {
            Environment = environment,
            Description = $"repoml: {Text(data, "modelIds")} (event {cloudEvent.Id})",
            AutoMerge = false,
            RequiredContexts = new Collection<string>(),
            Payload = new Dictionary<string, string> { ["event_id"] = cloudEvent.Id!, ["model_ids"] = Text(data, "modelIds") ?? "" },
        });
        await client.Repository.Deployment.Status.Create(parts[0], parts[1], created.Id, new NewDeploymentStatus(failed ? DeploymentState.Failure : DeploymentState.Success)
        {
            Description = failed ? Truncate(Text(data, "reason") ?? "deployment failed") : $"deployed {Text(data, "modelIds")}",
            Environment = environment,
        });
    }

    private static string? Text(JsonDocument data, string name) =>
        data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // GitHub limits a status description to 140 characters.
    private static string Truncate(string text) => text.Length <= 140 ? text : text[..139] + "…";
}
