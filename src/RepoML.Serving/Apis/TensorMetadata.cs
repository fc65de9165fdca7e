namespace RepoML.Serving.Apis;

/// <summary>One input or output in the v2 model metadata: <c>{"name", "datatype", "shape"}</c>, -1 for a dimension of any size.</summary>
public sealed record TensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape);
