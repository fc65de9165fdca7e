namespace RepoML.Core.Registry;

/// <summary>What happened to an asset in one commit.</summary>
public enum RegistryEventType
{
    Registered,
    LabelSet,
    LabelRemoved,
    Archived,
    Restored,
}
