namespace RepoML.Serving.Apis;

/// <summary>The v2 protocol's model metadata: <c>{"name", "versions", "platform", "inputs", "outputs"}</c>.</summary>
public sealed record ModelMetadata(string Name, string[] Versions, string Platform, TensorMetadata[] Inputs, TensorMetadata[] Outputs);
