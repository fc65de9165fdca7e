namespace RepoML.Core.Comparison;

/// <summary>What publishing did: the comment it created or updated and the commit status it set.</summary>
public sealed record PublishOutcome(long CommentId, bool Created, string Sha, string State, string? CommentUrl);
