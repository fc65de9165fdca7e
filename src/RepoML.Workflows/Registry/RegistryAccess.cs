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

    /// <summary>
    /// A failure's message; for "no model named 'X'" from a registry opened for that one name, with the nearest registered name
    /// of that kind, found in the whole registry ("did you mean", as the YAML checks say it).
    /// </summary>
    public static string Explain(WorkflowContext context, RegistryException failure)
    {
        var missing = System.Text.RegularExpressions.Regex.Match(failure.Message, "^no (\\w+) named '([^']+)' is registered on (\\S+)$");
        if (failure.Id != RegistryErrors.NotFound || !missing.Success || AssetKinds.Parse(missing.Groups[1].Value) is not { } kind)
        {
            return failure.Message;
        }

        try
        {
            using var all = GitModelRegistry.Open(context.WorkspaceRoot, new RegistryOpenOptions(missing.Groups[3].Value, OnlyKind: kind));
            var near = Core.Schema.StringDistance.Closest(missing.Groups[2].Value, all.Snapshot.OfKind(kind).Select(a => a.Name));
            return near is null ? failure.Message : $"{failure.Message}; did you mean '{near}'?";
        }
        catch (RegistryException)
        {
            return failure.Message;
        }
    }

    /// <summary>Warns about registry records that could not be read (they are skipped, not fatal).</summary>
    public static void WriteProblems(WorkflowContext context, RegistrySnapshot snapshot)
    {
        foreach (var problem in snapshot.Problems)
        {
            context.Error.WriteLine($"warning {RegistryErrors.BadRecord}: {problem}");
        }
    }
}
