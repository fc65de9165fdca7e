namespace RepoML.Workflows.Registry;

/// <summary>What <c>repoml register</c> was asked to do (<paramref name="CommitFiles"/>: the version's objects go into the registration
/// commit, <see cref="CommittedObjects"/>).</summary>
public sealed record RegistrationRequest(
    string Spec,
    string? FromRun,
    string? Job,
    string JobOutput,
    IReadOnlyList<string> Paths,
    string? Store,
    string? Branch,
    string? Message,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Properties,
    bool DryRun,
    bool CommitFiles = false);
