namespace RepoML.Workflows.Packaging;

/// <summary>
/// The work of <c>repoml base-image</c>: builds a base image where no registry can be reached and serves it from a local
/// registry on 127.0.0.1, so packaging needs no internet access.
/// </summary>
public static class BaseImages
{
    /// <param name="registryPort">Serve the base from a local registry on this port; null: keep it in local image storage only.</param>
    public static async Task PrepareAsync(WorkflowContext context, BaseImageVariant variant, int? registryPort, bool force, CancellationToken cancel)
    {
        var needed = variant == BaseImageVariant.Minbase ? new[] { "buildah", "debootstrap" } : ["buildah"];
        if (ContainerTools.Missing([.. needed, .. registryPort is null ? Array.Empty<string>() : ["docker-registry"]]) is { } missing)
        {
            throw new ContainerToolException(missing);
        }

        var root = context.WorkspaceRoot;
        var state = ContainerSession.StateFolder(root);
        var tools = ContainerSession.Tools(root, context);
        var builder = new BuildahImageBuilder(tools);
        var tag = BaseImageBuilder.DefaultTag(variant);
        if (force || !await builder.ExistsAsync(tag, cancel))
        {
            await new BaseImageBuilder(tools).BuildAsync(variant, tag, state, cancel);
        }

        context.Output.WriteLine($"Base image {tag} ({await builder.SizeAsync(tag, cancel) / 1_000_000.0:F1} MB)");
        if (registryPort is not { } port)
        {
            return;
        }

        var registry = new LocalRegistry(state, port);
        var started = await registry.StartAsync(cancel);
        var remote = ImageReference.Parse($"{registry.Address}/repoml/base:{BaseImageBuilder.TagSuffix(variant)}");
        var digest = await builder.PushRegistryAsync(tag, remote, cancel);
        context.Output.WriteLine($"Registry  http://{registry.Address} ({(started ? "started" : "already running")}; stop: repoml " +
            $"base-image stop-registry)");
        context.Output.WriteLine($"Pushed    {remote}@{digest}");
        context.Output.WriteLine($"Use it:   repoml package endpoints/NAME --base-image {remote}   (or set {ContainerSession.BaseImageVariable})");
    }

    /// <summary>Stops the local registry that <see cref="PrepareAsync"/> started; false when none was recorded as running.</summary>
    public static bool StopRegistry(WorkflowContext context, int port) => new LocalRegistry(ContainerSession.StateFolder(context.WorkspaceRoot),
        port).Stop();
}
