namespace RepoML.Core.Diagnostics;

/// <summary>A position in a workspace file: 1-based line and column.</summary>
public sealed record SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
