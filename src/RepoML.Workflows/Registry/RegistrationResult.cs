namespace RepoML.Workflows.Registry;

/// <summary>What a registration did: the plan (version and outcome), the content's digest, the commit (null for a dry run).</summary>
/// <param name="Pending">Registered on a branch other than the registry's: the version is what it becomes when merged.</param>
public sealed record RegistrationResult(RegistrationPlan Plan, string Digest, string? Commit, bool Pending, bool DryRun);
