namespace RepoML.Core.Registry;

/// <summary>How a commit changed a file relative to its first parent.</summary>
public enum FileChangeKind
{
    Added,
    Modified,
    Deleted,
}
