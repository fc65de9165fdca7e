using System.Text.Json.Serialization;

namespace RepoML.Serving.Apis;

/// <summary>
/// What one deployment of the live endpoint actually serves, as /health/ready and /v2/models/{deployment} report it: the
/// observed state that <c>repoml status</c> and <c>repoml promote</c> compare with what Git says.
/// </summary>
/// <param name="Model">The registered model's name; null for a local path.</param>
/// <param name="Version">The served version; null when the deployment has never loaded.</param>
/// <param name="Digest">The digest of the loaded model bytes.</param>
/// <param name="LastReload"><c>applied</c>, or <c>failed</c> with <paramref name="Error"/> when the last reload could not apply the file.</param>
public sealed record ObservedDeployment(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("digest")] string? Digest,
    [property: JsonPropertyName("loaded_at")] DateTimeOffset? LoadedAt,
    [property: JsonPropertyName("traffic")] int Traffic,
    [property: JsonPropertyName("last_reload")] string LastReload,
    [property: JsonPropertyName("error")] string? Error)
{
    /// <summary>Every deployment the state serves or failed to load, by name.</summary>
    public static SortedDictionary<string, ObservedDeployment> Of(LoadedEndpoint? state)
    {
        var all = new SortedDictionary<string, ObservedDeployment>(StringComparer.Ordinal);
        if (state is null)
        {
            return all;
        }

        foreach (var name in state.Deployments.Keys.Union(state.Failures.Keys))
        {
            all[name] = Of(state, name);
        }

        return all;
    }

    public static ObservedDeployment Of(LoadedEndpoint state, string name)
    {
        var deployment = state.Deployments.GetValueOrDefault(name);
        var error = state.Failures.GetValueOrDefault(name);
        return new ObservedDeployment(deployment?.Served?.Model, deployment?.ModelVersion, deployment?.Served?.Digest, deployment?.Served?.LoadedAt,
            state.Router.Weights.GetValueOrDefault(name), error is null ? ReloadOutcomes.Applied : ReloadOutcomes.Failed, error);
    }
}
