namespace RepoML.Core.Registry;

/// <summary>A commit as the registry shows it: who wrote it, when, and why.</summary>
public sealed record CommitInfo(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate, string Message)
{
    /// <summary>The first line of the message.</summary>
    public string Subject => Message.Split('\n', 2)[0].Trim();

    public string ShortSha => Sha.Length > 12 ? Sha[..12] : Sha;
}
