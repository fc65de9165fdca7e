namespace RepoML.Tests.Shared;

/// <summary>
/// The files of the iris online endpoint the serving, packaging and CLI tests stand up: <c>endpoint.yml</c> (key auth, blue
/// taking all traffic) and <c>blue.yml</c> (the model at a path relative to the endpoint folder), written as a user would.
/// </summary>
internal static class IrisEndpointFiles
{
    public const string Endpoint = """
        $schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
        name: iris
        auth_mode: key
        traffic:
          blue: 100
        """;

    /// <summary><c>blue.yml</c> serving <paramref name="modelPath"/>, with <paramref name="lines"/> (code configuration…) after the model.</summary>
    public static string Blue(string modelPath, params string[] lines) => string.Join('\n', [
        "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json",
        "name: blue",
        "endpoint_name: iris",
        "model:",
        $"  path: {modelPath}",
        .. lines,
        "instance_type: Standard_DS3_v2",
        "instance_count: 1",
    ]);

    /// <summary>Writes <c>endpoint.yml</c> and <c>blue.yml</c> (see <see cref="Blue"/>) into <paramref name="folder"/>.</summary>
    public static void Write(string folder, string modelPath, params string[] lines)
    {
        File.WriteAllText(Path.Combine(folder, "endpoint.yml"), Endpoint);
        File.WriteAllText(Path.Combine(folder, "blue.yml"), Blue(modelPath, lines));
    }
}
