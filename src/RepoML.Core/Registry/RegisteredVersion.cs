namespace RepoML.Core.Registry;

/// <summary>
/// One version of a registered asset as computed from history: its number, its record, and the first-parent
/// commit that registered it (<see cref="Position"/> orders it among the other registry events).
/// </summary>
public sealed record RegisteredVersion(
    AssetKind Kind, string Name, int Version, RegistrationRecord Record, CommitInfo Commit, int Position, string Path)
{
    public string Key => Record.Key;

    public string Digest => Record.Digest;

    /// <summary>The short reference form, <c>azureml:name:version</c>.</summary>
    public string Reference => $"azureml:{Name}:{Version}";

    public override string ToString() => $"{Name}:{Version}";
}
