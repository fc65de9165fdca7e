namespace RepoML.Core.Workspace;

/// <summary>The text of a file, or why it could not be read as text.</summary>
public sealed record FileText(string? Text, FileTextProblem Problem, long Length)
{
    public static FileText Of(string text) => new(text, FileTextProblem.None, text.Length);
}
