namespace RepoML.Workflows.Registry;

/// <summary>Opens the workspace's registry and artifact store the way every workflow does: branch and store from options, else the
/// environment.</summary>
public static class RegistryAccess
{
    public const string StoreVariable = "REPOML_STORE";

    public static AssetKind ParseKind(string text) =>
        AssetKinds.Parse(text) ?? throw WorkflowException.Usage($"--kind '{text}' is not model, data or environment");

    public static IArtifactStore OpenStore(WorkflowContext context, string root, string? address) =>
        ArtifactStoreFactory.Create(address ?? context.GetEnvironmentVariable(StoreVariable), root, context.GetEnvironmentVariable);

    public static GitModelRegistry Open(WorkflowContext context, string? branch, IArtifactStore? store = null) =>
        GitModelRegistry.Open(context.WorkspaceRoot, new RegistryOpenOptions(branch ?? context.GetEnvironmentVariable(DefaultBranch.Variable),
            Store: store));

    /// <summary>Opens only the history of the asset a reference names (its versions depend on nothing else).</summary>
    public static GitModelRegistry OpenFor(WorkflowContext context, string? branch, AssetKind kind, string reference, IArtifactStore? store = null) =>
        GitModelRegistry.Open(context.WorkspaceRoot, new RegistryOpenOptions(
            branch ?? context.GetEnvironmentVariable(DefaultBranch.Variable), Store: store, OnlyKind: kind,
            OnlyName: RegistrySnapshot.ParseReference(reference).Name));

    /// <summary>Warns about registry records that could not be read (they are skipped, not fatal).</summary>
    public static void WriteProblems(WorkflowContext context, RegistrySnapshot snapshot)
    {
        foreach (var problem in snapshot.Problems)
        {
            context.Error.WriteLine($"warning {RegistryErrors.BadRecord}: {problem}");
        }
    }
}
