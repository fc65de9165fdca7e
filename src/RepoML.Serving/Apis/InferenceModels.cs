using RepoML.Serving.Hosting;
using RepoML.Serving.Scoring;

namespace RepoML.Serving.Apis;

/// <summary>
/// The Open Inference Protocol's view of what is served, shared by its REST and gRPC forms: a model name is a
/// deployment name, or the endpoint's name, which goes through the traffic split (or to the deployment the
/// <c>azureml-model-deployment</c> header pins); a model's version is the model version its deployment references.
/// </summary>
public static class InferenceModels
{
    /// <summary>The server's name in the protocol's server metadata.</summary>
    public const string ServerName = "repoml";

    /// <summary>The platform of a model served by ONNX Runtime.</summary>
    public const string OnnxPlatform = "onnxruntime_onnx";

    /// <summary>The platform of a deployment served by a custom .NET scorer (which has no tensor metadata).</summary>
    public const string ScorerPlatform = "repoml_dotnet_scorer";

    /// <summary>The server's version (major.minor.patch).</summary>
    public static string ServerVersion { get; } = typeof(InferenceModels).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The deployment a model name and optional version (null or empty: any) mean: itself, or the endpoint's default.</summary>
    public static LoadedDeployment? Find(LoadedEndpoint? state, string name, string? version)
    {
        var deployment = state?.Deployments.GetValueOrDefault(name) ?? (state is not null && name == state.Settings.Name ? state.Default : null);
        return deployment is not null && (string.IsNullOrEmpty(version) || version == deployment.ModelVersion) ? deployment : null;
    }

    /// <summary>
    /// The deployment an inference request for <paramref name="name"/> pins: the deployment of that name; for the
    /// endpoint's own name, the one <paramref name="header"/> names, or null to go through the traffic split.
    /// </summary>
    public static bool TryPin(LoadedEndpoint? state, string name, string? version, string? header, out string? pinned)
    {
        if (state is not null && name == state.Settings.Name && !state.Deployments.ContainsKey(name))
        {
            pinned = header;
            return true;
        }

        pinned = name;
        return Find(state, name, version) is not null;
    }

    public static ModelMetadata Metadata(string name, LoadedDeployment deployment) => deployment.Scorer is not null
        ? new(name, [deployment.ModelVersion], ScorerPlatform, [], [])
        : new(name, [deployment.ModelVersion], OnnxPlatform,
            [.. deployment.Session.Inputs.Where(i => i.DataType is not null).Select(i => new TensorMetadata(i.Name, TensorJson.DataTypeName(i.DataType!.Value), i.Shape))],
            [.. deployment.Session.Outputs.Where(o => o.DataType is not null).Select(o => new TensorMetadata(o.Name, TensorJson.DataTypeName(o.DataType!.Value), o.Shape))]);

    /// <summary>
    /// Why a model name is not served when the endpoint names it but could not load it (a 503, not a 404): a deployment
    /// whose model or scorer failed to load, or the endpoint's name when none of its deployments loaded. Null otherwise.
    /// </summary>
    public static string? NotLoaded(LoadedEndpoint? state, string name)
    {
        if (state is null)
        {
            return null;
        }

        if (!state.Deployments.ContainsKey(name) && state.Failures.TryGetValue(name, out var reason))
        {
            return $"deployment '{name}' is not loaded: {reason}";
        }

        return name == state.Settings.Name && state.Default is null && state.Failures.Count > 0
            ? $"no deployment of '{name}' is loaded: {string.Join("; ", state.Failures.Select(f => $"'{f.Key}': {f.Value}"))}"
            : null;
    }

    /// <summary>The message of a 404 for a model name and version that is not served.</summary>
    public static string NotServed(string name, string? version) =>
        string.IsNullOrEmpty(version) ? $"no model '{name}' is served" : $"no model '{name}' version '{version}' is served";
}
