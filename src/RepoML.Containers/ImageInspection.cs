namespace RepoML.Containers;

/// <summary>What <c>skopeo inspect</c> says about an image: its manifest digest and labels.</summary>
public sealed record ImageInspection(string Digest, IReadOnlyDictionary<string, string> Labels, string? User, IReadOnlyList<string> Layers);
