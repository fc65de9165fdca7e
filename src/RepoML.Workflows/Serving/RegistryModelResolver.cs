namespace RepoML.Workflows.Serving;

/// <summary>
/// Resolves <c>azureml:name:version</c>, <c>@latest</c> and user labels (<c>@prod</c>) through the Git registry and
/// restores the version's files from the artifact store into <c>.repoml/models/&lt;name&gt;/&lt;version&gt;</c>
/// (verified by digest; reused while its files still hash to it, restored again when they do not).
/// </summary>
/// <param name="log">Where a drifted copy is reported; nowhere by default.</param>
public sealed class RegistryModelResolver(string workspaceRoot, Func<string, string?> environment, TextWriter? log = null) : IDeploymentModelResolver
{
    private readonly Lazy<GitModelRegistry> registry = new(() => GitModelRegistry.Open(
        workspaceRoot,
        new RegistryOpenOptions(Store: ArtifactStoreFactory.Create(environment("REPOML_STORE"), workspaceRoot, environment))));

    public async ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation)
    {
        if (settings.ModelIsInlinePath || settings.Model is not { } reference || !reference.StartsWith("azureml:",
            StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        RegisteredVersion version;
        try
        {
            version = registry.Value.Resolve(reference);
        }
        catch (Exception ex) when (ex is RegistryException or InvalidOperationException or IOException or LibGit2Sharp.LibGit2SharpException)
        {
            // Not a Git repository, a shallow clone, no such version: say so for this deployment, never crash.
            throw new ModelResolutionException($"deployment '{settings.Name}': cannot resolve '{reference}' through the registry: " +
                $"{ex.Message}; pass --model {settings.Name}=PATH to serve a local file");
        }

        var folder = NameGate.Under(workspaceRoot, ".repoml", "models", NameGate.Check(version.Name, NameKind.Asset, "model name"),
            version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await MaterializedCopy.EnsureAsync(folder, version.Digest, () => registry.Value.DownloadAsync(version.Reference, folder,
                replaceExisting: true, cancellationToken: cancellation), log ?? TextWriter.Null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or WorkflowException)
        {
            // A damaged or missing store object: this deployment's problem, said as such (not a listening failure).
            throw new ModelResolutionException($"deployment '{settings.Name}': cannot restore {version.Name}:{version.Version} from the " +
                $"artifact store: {ex.Message}; run `repoml store verify`");
        }

        return folder;
    }
}
