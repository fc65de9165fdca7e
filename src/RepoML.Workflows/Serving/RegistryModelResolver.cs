namespace RepoML.Workflows.Serving;

/// <summary>
/// Resolves <c>azureml:name:version</c>, <c>@latest</c> and user labels (<c>@prod</c>) through the Git registry and
/// restores the version's files from the artifact store into <c>.repoml/models/&lt;name&gt;/&lt;version&gt;</c>
/// (verified by digest; reused while its files still hash to it, restored again when they do not). The registry is opened
/// again on every resolution: a server that runs for days sees versions registered and labels moved since it started (the
/// history cache keeps it cheap).
/// </summary>
/// <param name="log">Where a drifted copy is reported; nowhere by default.</param>
public sealed class RegistryModelResolver(string workspaceRoot, Func<string, string?> environment, TextWriter? log = null) : IDeploymentModelResolver
{
    public async ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation) =>
        (await ResolveModelAsync(deployment, settings, cancellation))?.Path;

    public async ValueTask<ResolvedDeploymentModel?> ResolveModelAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation)
    {
        if (settings.ModelIsInlinePath || settings.Model is not { } reference || !reference.StartsWith("azureml:",
            StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        GitModelRegistry registry;
        RegisteredVersion version;
        try
        {
            registry = GitModelRegistry.Open(workspaceRoot, new RegistryOpenOptions(Store: ArtifactStoreFactory.Create(environment("REPOML_STORE"),
                workspaceRoot, environment)));
        }
        catch (Exception ex) when (ex is RegistryException or InvalidOperationException or IOException or LibGit2Sharp.LibGit2SharpException)
        {
            throw Unresolved(settings, reference, ex);
        }

        using (registry)
        {
            try
            {
                version = registry.Resolve(reference);
            }
            catch (Exception ex) when (ex is RegistryException or InvalidOperationException or IOException or LibGit2Sharp.LibGit2SharpException)
            {
                // Not a Git repository, a shallow clone, no such version: say so for this deployment, never crash.
                throw Unresolved(settings, reference, ex);
            }

            var folder = NameGate.Under(workspaceRoot, ".repoml", "models", NameGate.Check(version.Name, NameKind.Asset, "model name"),
                version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await MaterializedCopy.EnsureAsync(folder, version.Digest, () => registry.DownloadAsync(version.Reference, folder,
                    replaceExisting: true, cancellationToken: cancellation), log ?? TextWriter.Null);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or WorkflowException)
            {
                // IOException covers ArtifactNotFoundException and ArtifactCorruptException: registered, but its files are
                // missing or damaged in this store (another machine's run, a fresh clone): this deployment's problem.
                throw new ModelResolutionException($"deployment '{settings.Name}': {version} is registered but its files cannot be " +
                    $"restored: {ex.Message}; run 'repoml store pull' (or 'repoml store verify') or pass --model {settings.Name}=PATH");
            }

            return new ResolvedDeploymentModel(folder, version.Name, version.Version, version.Digest);
        }
    }

    private static ModelResolutionException Unresolved(DeploymentSettings settings, string reference, Exception ex) =>
        new($"deployment '{settings.Name}': cannot resolve '{reference}' through the registry: {ex.Message}; pass --model " +
            $"{settings.Name}=PATH to serve a local file");
}
