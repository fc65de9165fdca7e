using System.Text.RegularExpressions;

namespace RepoML.Core.Tests.Rollout;

/// <summary>
/// The manifests checked against a subset of the published schemas: KServe's InferenceService CRD (serving.kserve.io/v1beta1:
/// spec.predictor.canaryTrafficPercent int64 0–100, minReplicas int ≥ 0, containers[] with name and image) and the Kubernetes
/// OpenAPI for apps/v1 Deployment (selector.matchLabels must match template labels) and v1 Service (ports[].port 1–65535).
/// </summary>
public sealed partial class KubernetesManifestsTests
{
    private static readonly EndpointState Canary = new("credit", new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 },
        [new DeploymentState("blue", "azureml:credit:1", 1), new DeploymentState("green", "azureml:credit:2", 2)]);

    private static readonly Dictionary<string, string> Images = new() { ["blue"] = "registry.local/credit-blue:1",
        ["green"] = "registry.local/credit-green:2" };

    [Fact]
    public void Should_send_the_candidates_share_as_canaryTrafficPercent_When_the_endpoint_splits_traffic()
    {
        var files = KubernetesManifests.Write(Canary, Images, new Dictionary<string, int> { ["blue"] = 3, ["green"] = 1 });

        var service = Parse(files["kserve/inferenceservice.yaml"]);
        CheckInferenceService(service);
        var predictor = service.GetMapping("spec")!.GetMapping("predictor")!;
        Assert.Equal("10", predictor.GetString("canaryTrafficPercent"));
        Assert.Equal("registry.local/credit-green:2", ((YamlMapping)predictor.GetSequence("containers")!.Items[0]).GetString("image"));
        var stable = Parse(files["kserve/inferenceservice.stable.yaml"]);
        CheckInferenceService(stable);
        Assert.Null(stable.GetMapping("spec")!.GetMapping("predictor")!["canaryTrafficPercent"]);
    }

    [Fact]
    public void Should_mount_the_endpoints_key_Secret_When_the_endpoint_uses_key_auth()
    {
        var files = KubernetesManifests.Write(Canary, Images, new Dictionary<string, int> { ["blue"] = 1, ["green"] = 1 }, keyAuth: true);

        foreach (var (name, path) in new[] { ("kserve", "kserve/inferenceservice.yaml"), ("plain", "plain/green.deployment.yaml") })
        {
            var manifest = Parse(files[path]);
            var pod = name == "kserve" ? manifest.GetMapping("spec")!.GetMapping("predictor")!
                : manifest.GetMapping("spec")!.GetMapping("template")!.GetMapping("spec")!;
            var volume = (YamlMapping)pod.GetSequence("volumes")!.Items.Single();
            Assert.Equal("credit-keys", volume.GetMapping("secret")!.GetString("secretName"));
            var mount = (YamlMapping)((YamlMapping)pod.GetSequence("containers")!.Items[0]).GetSequence("volumeMounts")!.Items.Single();
            Assert.Equal(volume.GetString("name"), mount.GetString("name"));
            Assert.Equal("/var/lib/repoml/.repoml/keys", mount.GetString("mountPath"));
        }

        Assert.DoesNotContain("volumes", KubernetesManifests.Write(Canary, Images, new Dictionary<string, int>())["plain/green.deployment.yaml"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_what_split_the_replicas_give_When_they_only_approximate_the_traffic()
    {
        var files = KubernetesManifests.Write(Canary, Images, new Dictionary<string, int> { ["blue"] = 1, ["green"] = 1 });

        Assert.Equal("90 % asked, 2 of 3 replicas (67 %)", Parse(files["plain/blue.deployment.yaml"]).GetMapping("metadata")!
            .GetMapping("annotations")!.GetString("repoml.dev/traffic"));
        Assert.Equal("10 % asked, 1 of 3 replicas (33 %)", Parse(files["plain/green.deployment.yaml"]).GetMapping("metadata")!
            .GetMapping("annotations")!.GetString("repoml.dev/traffic"));
    }

    [Fact]
    public void Should_split_by_replicas_When_writing_plain_deployments()
    {
        var files = KubernetesManifests.Write(Canary, Images, new Dictionary<string, int> { ["blue"] = 9, ["green"] = 1 });

        foreach (var name in new[] { "blue", "green" })
        {
            CheckDeployment(Parse(files[$"plain/{name}.deployment.yaml"]));
            CheckService(Parse(files[$"plain/{name}.service.yaml"]));
        }

        CheckService(Parse(files["plain/service.yaml"]));
        Assert.Equal("9", Parse(files["plain/blue.deployment.yaml"]).GetMapping("spec")!.GetString("replicas"));
        Assert.Equal("1", Parse(files["plain/green.deployment.yaml"]).GetMapping("spec")!.GetString("replicas"));
    }

    private static void CheckInferenceService(YamlMapping doc)
    {
        Assert.Equal(("serving.kserve.io/v1beta1", "InferenceService"), (doc.GetString("apiVersion"), doc.GetString("kind")));
        Assert.Matches(Dns1123(), doc.GetMapping("metadata")!.GetString("name"));
        var spec = doc.GetMapping("spec")!;
        Assert.Equal(["predictor"], spec.Entries.Select(e => e.Key.Value));
        var predictor = spec.GetMapping("predictor")!;
        AllowedKeys(predictor, "minReplicas", "maxReplicas", "canaryTrafficPercent", "containers", "model", "serviceAccountName");
        if (predictor["canaryTrafficPercent"] is YamlScalar canary)
        {
            Assert.True(canary.TryGetInteger(out var percent) && percent is >= 0 and <= 100);
        }

        Assert.True(((YamlScalar)predictor["minReplicas"]!).TryGetInteger(out var min) && min >= 0);
        foreach (var container in predictor.GetSequence("containers")!.Items.Cast<YamlMapping>())
        {
            CheckContainer(container);
        }
    }

    private static void CheckDeployment(YamlMapping doc)
    {
        Assert.Equal(("apps/v1", "Deployment"), (doc.GetString("apiVersion"), doc.GetString("kind")));
        Assert.Matches(Dns1123(), doc.GetMapping("metadata")!.GetString("name"));
        var spec = doc.GetMapping("spec")!;
        AllowedKeys(spec, "replicas", "selector", "template", "strategy");
        var match = spec.GetMapping("selector")!.GetMapping("matchLabels")!;
        var labels = spec.GetMapping("template")!.GetMapping("metadata")!.GetMapping("labels")!;
        Assert.All(match.Entries, e => Assert.Equal(((YamlScalar)e.Value).Value, labels.GetString(e.Key.Value)));
        foreach (var container in spec.GetMapping("template")!.GetMapping("spec")!.GetSequence("containers")!.Items.Cast<YamlMapping>())
        {
            CheckContainer(container);
        }
    }

    private static void CheckService(YamlMapping doc)
    {
        Assert.Equal(("v1", "Service"), (doc.GetString("apiVersion"), doc.GetString("kind")));
        Assert.Matches(Dns1123(), doc.GetMapping("metadata")!.GetString("name"));
        foreach (var port in doc.GetMapping("spec")!.GetSequence("ports")!.Items.Cast<YamlMapping>())
        {
            Assert.True(((YamlScalar)port["port"]!).TryGetInteger(out var p) && p is >= 1 and <= 65535);
        }
    }

    private static void CheckContainer(YamlMapping container)
    {
        AllowedKeys(container, "name", "image", "ports", "env", "resources", "readinessProbe", "livenessProbe", "args", "command");
        Assert.Matches(Dns1123(), container.GetString("name"));
        Assert.False(string.IsNullOrEmpty(container.GetString("image")));
        foreach (var port in container.GetSequence("ports")!.Items.Cast<YamlMapping>())
        {
            Assert.True(((YamlScalar)port["containerPort"]!).TryGetInteger(out var p) && p is >= 1 and <= 65535);
            Assert.Contains(port.GetString("protocol"), new[] { "TCP", "UDP", "SCTP" });
        }
    }

    private static void AllowedKeys(YamlMapping map, params string[] allowed) => Assert.All(map.Entries, e => Assert.Contains(e.Key.Value, allowed));

    private static YamlMapping Parse(string text) => (YamlMapping)YamlReader.Read("manifest.yaml", text).Root!;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123();
}
