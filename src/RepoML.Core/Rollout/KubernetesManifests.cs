using YamlDotNet.Serialization;

namespace RepoML.Core.Rollout;

/// <summary>
/// Kubernetes manifests for an online endpoint's declared state. KServe: one <c>InferenceService</c>
/// (serving.kserve.io/v1beta1) whose predictor is the candidate, with <c>canaryTrafficPercent</c> = its traffic, so KServe
/// keeps the rest on the previously rolled-out revision (the stable deployment); plus a stable-only variant to apply first.
/// Plain: one <c>Deployment</c> per deployment (apps/v1) and a <c>Service</c> (v1) over all of them, replicas proportional
/// to traffic (no mesh needed), and one Service per deployment for pinned calls. Replicas only approximate a split: each
/// Deployment says what it was asked and what it got (<c>repoml.dev/traffic</c>), e.g. 90 % asked, 2 of 3 replicas (67 %).
/// With key auth (<c>auth_mode: key</c>, Azure ML's default) every container mounts the Secret <c>&lt;endpoint&gt;-keys</c>
/// (one file, <c>&lt;endpoint&gt;.json</c>, as <c>repoml endpoint keys</c> keeps it) where the server reads its keys; the
/// Secret itself is never written out (it holds the keys), so pods wait until it is created.
/// </summary>
public static class KubernetesManifests
{
    private static readonly ISerializer Yaml = new SerializerBuilder().DisableAliases().Build();

    /// <param name="images">Deployment name → container image (the packaged serving image).</param>
    /// <param name="port">The container's scoring port (the environment's <c>inference_config</c>).</param>
    /// <returns>Relative file name → YAML text.</returns>
    /// <param name="keyAuth">True for <c>auth_mode: key</c>: mount the endpoint's key Secret.</param>
    public static IReadOnlyDictionary<string, string> Write(EndpointState state, IReadOnlyDictionary<string, string> images,
        IReadOnlyDictionary<string, int> instanceCounts, int port = 8080, bool keyAuth = false)
    {
        var keys = keyAuth ? KeysSecretName(state.Name) : null;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ordered = state.Deployments.OrderByDescending(d => state.TrafficOf(d.Name)).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
        var stable = ordered[0];
        var candidate = ordered.Count > 1 ? ordered[1] : null;
        files["kserve/inferenceservice.stable.yaml"] = Yaml.Serialize(InferenceService(state.Name, stable.Name, images[stable.Name],
            instanceCounts.GetValueOrDefault(stable.Name, 1), port, null, keys));
        var canary = candidate is not null && state.TrafficOf(candidate.Name) is > 0 and < 100 ? candidate : null;
        files["kserve/inferenceservice.yaml"] = Yaml.Serialize(canary is null
            ? InferenceService(state.Name, stable.Name, images[stable.Name], instanceCounts.GetValueOrDefault(stable.Name, 1), port, null, keys)
            : InferenceService(state.Name, canary.Name, images[canary.Name], instanceCounts.GetValueOrDefault(canary.Name, 1), port,
                state.TrafficOf(canary.Name), keys));

        var total = state.Deployments.Sum(d => instanceCounts.GetValueOrDefault(d.Name, 1));
        var replicas = state.Deployments.ToDictionary(d => d.Name, d => state.TrafficOf(d.Name) == 0 ? 0
            : Math.Max(1, (int)Math.Round(total * state.TrafficOf(d.Name) / 100.0)), StringComparer.Ordinal);
        var all = replicas.Values.Sum();
        foreach (var deployment in state.Deployments)
        {
            var share = state.TrafficOf(deployment.Name);
            var got = all == 0 ? 0 : 100.0 * replicas[deployment.Name] / all;
            var note = FormattableString.Invariant($"{share} % asked, {replicas[deployment.Name]} of {all} replicas ({got:0} %)");
            files[$"plain/{deployment.Name}.deployment.yaml"] = Yaml.Serialize(Deployment(state.Name, deployment.Name, images[deployment.Name],
                replicas[deployment.Name], port, note, keys));
            files[$"plain/{deployment.Name}.service.yaml"] = Yaml.Serialize(Service($"{state.Name}-{deployment.Name}", Labels(state.Name,
                deployment.Name), port));
        }

        files["plain/service.yaml"] = Yaml.Serialize(Service(state.Name, new Dictionary<string,
            object> { ["app.kubernetes.io/name"] = state.Name }, port));
        return files;
    }

    /// <summary>The Secret holding an endpoint's keys file: <c>kubectl create secret generic NAME --from-file=ENDPOINT.json=.repoml/keys/ENDPOINT.json</c>.</summary>
    public static string KeysSecretName(string endpoint) => $"{endpoint}-keys";

    /// <summary>Where the packaged server reads endpoint keys: <c>.repoml/keys</c> under its state folder.</summary>
    public const string KeysMountPath = Packaging.ImageLayout.StateFolder + "/.repoml/keys";

    private static Dictionary<string, object> InferenceService(string endpoint, string deployment, string image, int replicas, int port, int? canary,
        string? keys)
    {
        var predictor = new Dictionary<string, object>
        {
            ["minReplicas"] = replicas,
            ["containers"] = new[] { Container(image, port, keys) },
        };
        if (keys is not null)
        {
            predictor["volumes"] = Volumes(keys);
        }

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

    private static Dictionary<string, object> Deployment(string endpoint, string deployment, string image, int replicas, int port, string note,
        string? keys) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new Dictionary<string, object> { ["name"] = $"{endpoint}-{deployment}", ["labels"] = Labels(endpoint, deployment),
            ["annotations"] = new Dictionary<string, object> { ["repoml.dev/traffic"] = note } },
        ["spec"] = new Dictionary<string, object>
        {
            ["replicas"] = replicas,
            ["selector"] = new Dictionary<string, object> { ["matchLabels"] = Labels(endpoint, deployment) },
            ["template"] = new Dictionary<string, object>
            {
                ["metadata"] = new Dictionary<string, object> { ["labels"] = Labels(endpoint, deployment) },
                ["spec"] = keys is null ? new Dictionary<string, object> { ["containers"] = new[] { Container(image, port, null) } }
                    : new Dictionary<string, object> { ["containers"] = new[] { Container(image, port, keys) }, ["volumes"] = Volumes(keys) },
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

    private static object[] Volumes(string secret) =>
        [new Dictionary<string, object> { ["name"] = "endpoint-keys", ["secret"] = new Dictionary<string, object> { ["secretName"] = secret } }];

    private static Dictionary<string, object> Container(string image, int port, string? keys)
    {
        var container = Container(image, port);
        if (keys is not null)
        {
            container["volumeMounts"] = new[] { new Dictionary<string, object> { ["name"] = "endpoint-keys", ["mountPath"] = KeysMountPath,
                ["readOnly"] = true } };
        }

        return container;
    }

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
