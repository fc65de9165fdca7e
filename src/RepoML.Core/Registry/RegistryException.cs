namespace RepoML.Core.Registry;

/// <summary>An expected registry problem (not found, immutable version, in use, shallow clone) with a stable id.</summary>
public sealed class RegistryException(string id, string message) : Exception(message)
{
    public string Id { get; } = id;
}
