namespace RepoML.Core.Serving;

/// <summary>What the scoring server reads from an online endpoint file.</summary>
/// <param name="AuthMode">key, aml_token or aad_token (Azure ML's default is key).</param>
public sealed record EndpointSettings(
    string Name,
    string AuthMode,
    IReadOnlyDictionary<string, int> Traffic,
    IReadOnlyDictionary<string, int> MirrorTraffic)
{
    public bool RequiresKey => string.Equals(AuthMode, "key", StringComparison.OrdinalIgnoreCase);
}
