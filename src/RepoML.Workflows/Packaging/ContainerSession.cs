namespace RepoML.Workflows.Packaging;

/// <summary>Where container state lives for a workspace (<c>.repoml/containers</c>: containers.conf, the local registry) and the tool
/// runner using it.</summary>
public static class ContainerSession
{
    public const string BaseImageVariable = "REPOML_BASE_IMAGE";

    public static string StateFolder(string root) => Path.Combine(root, ".repoml", "containers");

    public static ToolProcess Tools(string root, WorkflowContext context, bool verbose = false) =>
        new(ContainersConfiguration.Create(StateFolder(root)), verbose ? line => context.Error.WriteLine(line) : null);

    /// <summary>--base-image, else REPOML_BASE_IMAGE, else the prepared local distroless base when present, else Microsoft's aspnet image.</summary>
    public static async Task<string> ChooseBaseAsync(WorkflowContext context, ToolProcess tools, string? requested, CancellationToken cancel)
    {
        if ((requested ?? context.GetEnvironmentVariable(BaseImageVariable)) is { Length: > 0 } chosen)
        {
            return chosen;
        }

        var local = BaseImageBuilder.DefaultTag(BaseImageVariant.Distroless);
        return ContainerTools.Find("buildah") is not null && await new BuildahImageBuilder(tools).ExistsAsync(local, cancel)
            ? local
            : RepoML.Core.Packaging.ImageLayout.DefaultBaseImage;
    }
}
