namespace RepoML.Core.Workspace;

/// <summary>Why a file could not be read as text.</summary>
public enum FileTextProblem
{
    None,
    TooLarge,
    NotUtf8,
    Unreadable,
}
