namespace RepoML.Core.Registry;

/// <summary>What a file under <c>registry/</c> records.</summary>
public enum RegistryFileType
{
    Version,
    Label,
    Archived,
}
