using YamlDotNet.Serialization;

namespace RepoML.Core.Rollout;

/// <summary>
/// Kubernetes manifests for an online endpoint's declared state. KServe: one <c>InferenceService</c>
/// (serving.kserve.io/v1beta1) whose predictor is the candidate, with <c>canaryTrafficPercent</c> = its traffic, so KServe
/// keeps the rest on the previously rolled-out revision (the stable deployment); plus a stable-only variant to apply first.
/// Plain: one <c>Deployment</c> per deployment (apps/v1) and a <c>Service</c> (v1) over all of them, replicas proportional
/// to traffic (no mesh needed), and one Service per deployment for pinned calls.
/// </summary>
public static class KubernetesManifests
{
    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().Build();

    /// <param name="images">Deployment name → container image (the packaged serving image).</param>
    /// <param name="port">The container's scoring port (the environment's <c>inference_config</c>).</param>
    /// <returns>Relative file name → YAML text.</returns>
    public static IReadOnlyDictionary<string, string> Write(EndpointState state, IReadOnlyDictionary<string, string> images,
        IReadOnlyDictionary<string, int> instanceCounts, int port = 8080)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ordered = state.Deployments.OrderByDescending(d => state.TrafficOf(d.Name)).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        var stable = ordered[0];
        var candidate = ordered.Count > 1 ? ordered[1] : null;
        files["kserve/inferenceservice.stable.yaml"] = Yaml.Serialize(InferenceService(state.Name, stable.Name, images[stable.Name],
            instanceCounts.GetValueOrDefault(stable.Name, 1), port, null));
        var canary = candidate is not null && state.TrafficOf(candidate.Name) is > 0 and < 100 ? candidate : null;
        files["kserve/inferenceservice.yaml"] = Yaml.Serialize(canary is null
            ? InferenceService(state.Name, stable.Name, images[stable.Name], instanceCounts.GetValueOrDefault(stable.Name, 1), port, null)
            : InferenceService(state.Name, canary.Name, images[canary.Name], instanceCounts.GetValueOrDefault(canary.Name, 1), port,
                state.TrafficOf(canary.Name)));

        var total = state.Deployments.Sum(d => instanceCounts.GetValueOrDefault(d.Name, 1));
        foreach (var deployment in state.Deployments)
        {
            var share = state.TrafficOf(deployment.Name);
            var replicas = share == 0 ? 0 : Math.Max(1, (int)Math.Round(total * share / 100.0));
            files[$"plain/{deployment.Name}.deployment.yaml"] = Yaml.Serialize(Deployment(state.Name, deployment.Name, images[deployment.Name],
                replicas, port));
            files[$"plain/{deployment.Name}.service.yaml"] = Yaml.Serialize(Service($"{state.Name}-{deployment.Name}", Labels(state.Name,
                deployment.Name), port));
        }

        files["plain/service.yaml"] = Yaml.Serialize(Service(state.Name, new Dictionary<string,
            object> { ["app.kubernetes.io/name"] = state.Name }, port));
        return files;
    }

    private static Dictionary<string, object> InferenceService(string endpoint, string deployment, string image, int replicas, int port, int? canary)
    {
        var predictor = new Dictionary<string, object>
        {
            ["minReplicas"] = replicas,
            ["containers"] = new[] { Container(image, port) },
        };
        if (canary is { } percent)
        {
            predictor["canaryTrafficPercent"] = percent;
        }

        return new Dictionary<string, object>
        {
            ["apiVersion"] = "serving.kserve.io/v1beta1",
            ["kind"] = "InferenceService",
            ["metadata"] = new Dictionary<string, object>
            {
                ["name"] = endpoint,
                ["labels"] = Labels(endpoint, deployment),
                // canaryTrafficPercent needs Knative revisions: the Serverless mode.
                ["annotations"] = new Dictionary<string, object> { ["serving.kserve.io/deploymentMode"] = "Serverless" },
            },
            ["spec"] = new Dictionary<string, object> { ["predictor"] = predictor },
        };
    }

    private static Dictionary<string, object> Deployment(string endpoint, string deployment, string image, int replicas, int port) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new Dictionary<string, object> { ["name"] = $"{endpoint}-{deployment}", ["labels"] = Labels(endpoint, deployment) },
        ["spec"] = new Dictionary<string, object>
        {
            ["replicas"] = replicas,
            ["selector"] = new Dictionary<string, object> { ["matchLabels"] = Labels(endpoint, deployment) },
            ["template"] = new Dictionary<string, object>
            {
                ["metadata"] = new Dictionary<string, object> { ["labels"] = Labels(endpoint, deployment) },
                ["spec"] = new Dictionary<string, object> { ["containers"] = new[] { Container(image, port) } },
            },
        },
    };

    private static Dictionary<string, object> Service(string name, Dictionary<string, object> selector, int port) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new Dictionary<string, object> { ["name"] = name },
        ["spec"] = new Dictionary<string, object>
        {
            ["selector"] = selector,
            ["ports"] = new[] { new Dictionary<string, object> { ["name"] = "http", ["port"] = 80, ["targetPort"] = port } },
        },
    };

    private static Dictionary<string, object> Container(string image, int port) => new()
    {
        ["name"] = "kserve-container",
        ["image"] = image,
        ["ports"] = new[] { new Dictionary<string, object> { ["containerPort"] = port, ["protocol"] = "TCP" } },
        ["readinessProbe"] = new Dictionary<string, object> { ["httpGet"] = new Dictionary<string, object> { ["path"] = "/health/ready",
            ["port"] = port } },
        ["livenessProbe"] = new Dictionary<string, object> { ["httpGet"] = new Dictionary<string, object> { ["path"] = "/health/live",
            ["port"] = port } },
    };

    private static Dictionary<string, object> Labels(string endpoint, string deployment) => new()
    {
        ["app.kubernetes.io/name"] = endpoint,
        ["repoml.dev/deployment"] = deployment,
    };
}
