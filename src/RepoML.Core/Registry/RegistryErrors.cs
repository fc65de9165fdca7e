namespace RepoML.Core.Registry;

/// <summary>Stable ids of registry problems (documented in docs/registry.md) and the exceptions that carry them.</summary>
public static class RegistryErrors
{
    public const string ShallowClone = "RML0701";
    public const string NotFound = "RML0702";
    public const string VersionConflict = "RML0703";
    public const string InUse = "RML0704";
    public const string CommitFailed = "RML0705";
    public const string BadRecord = "RML0706";
    public const string NotARepository = "RML0707";
    public const string BadReference = "RML0708";
    public const string BadTagFilter = "RML0709";

    public static RegistryException Shallow() => new(ShallowClone,
        "this is a shallow clone: its truncated history would give wrong version numbers. Run 'git fetch --unshallow' "
        + "(in CI, check out the full history, e.g. Azure Pipelines 'fetchDepth: 0', GitHub Actions 'fetch-depth: 0').");

    public static RegistryException Missing(string what) => new(NotFound, what);
}
