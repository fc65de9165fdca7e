namespace RepoML.Containers;

/// <summary>One image build from a context folder holding a Dockerfile.</summary>
/// <param name="Tag">The local name the built image gets (containers-storage).</param>
/// <param name="Timestamp">Every time in the image is set to this (reproducible builds).</param>
/// <param name="BuildArgs">e.g. BASE_IMAGE.</param>
/// <param name="Annotations">Manifest annotations (the same keys as the labels).</param>
public sealed record ImageBuildRequest(
    string ContextFolder,
    string Tag,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string> BuildArgs,
    IReadOnlyList<KeyValuePair<string, string>> Annotations,
    string Dockerfile = "Dockerfile");
