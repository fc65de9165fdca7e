using System.Text.Json.Nodes;

namespace RepoML.Tests.Shared.AzureMl;

/// <summary>A job the stand-in runs when it is polled to completion: what it was given, and its datastore to read inputs and write outputs.</summary>
internal sealed class StandInJob(string name, JsonObject properties, StandInDatastore datastore)
{
    public string Name { get; } = name;

    public JsonObject Properties { get; } = properties;

    public string? InputUri(string input) => Properties["inputs"]?[input]?["uri"]?.GetValue<string>();

    public string? OutputUri(string output) => Properties["outputs"]?[output]?["uri"]?.GetValue<string>();

    /// <summary>The bytes of a file input (a datastore URI).</summary>
    public Task<byte[]> ReadAsync(string uri) => datastore.ReadAsync(datastore.PathOf(uri) ?? throw new InvalidOperationException($"{uri} is not on the datastore"));

    /// <summary>Writes a file into a folder output.</summary>
    public Task WriteAsync(string folderUri, string relative, byte[] content) =>
        datastore.WriteAsync((datastore.PathOf(folderUri) ?? throw new InvalidOperationException($"{folderUri} is not on the datastore")).TrimEnd('/') + "/" + relative, content);
}
