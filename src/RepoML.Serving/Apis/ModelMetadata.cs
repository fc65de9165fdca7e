using System.Text.Json.Serialization;

namespace RepoML.Serving.Apis;

/// <summary>
/// The v2 protocol's model metadata: <c>{"name", "versions", "platform", "inputs", "outputs"}</c>, plus <c>repoml</c> on REST:
/// what the deployment actually serves (model, version, digest, when loaded, last reload).
/// </summary>
public sealed record ModelMetadata(string Name, string[] Versions, string Platform, TensorMetadata[] Inputs, TensorMetadata[] Outputs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ObservedDeployment? Repoml = null);
