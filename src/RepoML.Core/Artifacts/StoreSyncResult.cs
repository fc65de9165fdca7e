namespace RepoML.Core.Artifacts;

/// <summary>What a <see cref="StoreSync"/> call did.</summary>
/// <param name="Copied">Objects copied to the target, in the order they were committed there.</param>
/// <param name="AlreadyPresent">Objects the target already had, so were not transferred.</param>
public sealed record StoreSyncResult(IReadOnlyList<Digest> Copied, int AlreadyPresent);
