using RepoML.Core.Workspace.Validation;
using static RepoML.Core.Workspace.Validation.ValidationContext;

namespace RepoML.Core.Workspace;

/// <summary>
/// Checks what a single file's schema cannot: references between files, local paths, endpoint traffic,
/// pipeline bindings and the job graph, with one rule class per concern (Validation/) over a shared
/// <see cref="ValidationContext"/>. Adds diagnostics to the files they concern.
/// </summary>
public static class WorkspaceValidator
{
    /// <summary>Runs every rule over the workspace: duplicates, then each spec file by its kind.</summary>
    public static void Validate(Workspace workspace, IWorkspaceFiles files)
    {
        var context = new ValidationContext(workspace, files);
        var endpoints = new EndpointRule(context);
        var commands = new CommandRule(context);
        var pipelines = new PipelineRule(context, commands);
        DuplicateAssets(workspace);
        foreach (var file in workspace.Specs)
        {
            switch (file.Kind)
            {
                case SpecKind.Model:
                    context.Paths.CheckLocalPath(file, file.Root!.Entry("path"), mustBeFolder: null);
                    break;
                case SpecKind.Data:
                    context.Paths.CheckDataAsset(file);
                    break;
                case SpecKind.Environment:
                    context.Paths.CheckEnvironment(file, file.Root!);
                    break;
                case SpecKind.ManagedOnlineEndpoint or SpecKind.KubernetesOnlineEndpoint:
                    endpoints.CheckOnlineEndpoint(file);
                    break;
                case SpecKind.BatchEndpoint:
                    endpoints.CheckBatchEndpoint(file);
                    break;
                case SpecKind.ManagedOnlineDeployment or SpecKind.KubernetesOnlineDeployment or SpecKind.BatchDeployment:
                    endpoints.CheckDeployment(file);
                    break;
                case SpecKind.CommandComponent or SpecKind.CommandJob:
                    commands.CheckCommand(file, file.Root!);
                    break;
                case SpecKind.PipelineJob:
                    pipelines.CheckPipeline(file);
                    break;
            }
        }
    }

    /// <summary>
    /// The endpoint rules alone (traffic, mirror traffic, deployment names): what the scoring server checks before it applies
    /// changed endpoint files, so a hot reload refuses what <c>repoml validate</c> refuses, with the same diagnostics.
    /// </summary>
    public static void ValidateEndpoints(Workspace workspace)
    {
        var endpoints = new EndpointRule(new ValidationContext(workspace, NoFiles.Instance));
        foreach (var file in workspace.OfKind([SpecKind.ManagedOnlineEndpoint, SpecKind.KubernetesOnlineEndpoint]))
        {
            endpoints.CheckOnlineEndpoint(file);
        }
    }

    private static void DuplicateAssets(Workspace workspace)
    {
        var assetKinds = new[] { SpecKind.Model, SpecKind.Environment, SpecKind.Data, SpecKind.CommandComponent };
        var groups = workspace.OfKind(assetKinds)
            .Where(f => f.Name is not null)
            .GroupBy(f => (f.Kind, f.Name, f.Version));
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var version = group.Key.Version is null ? "" : $" version {group.Key.Version}";
                Report(duplicate, DiagnosticIds.DuplicateAsset, duplicate.Root!.Entry("name")!.Value.Span,
                    $"{group.Key.Kind} '{group.Key.Name}'{version} is also defined in {first.Path}");
            }
        }
    }

    /// <summary>The endpoint rules read no files.</summary>
    private sealed class NoFiles : IWorkspaceFiles
    {
        public static readonly NoFiles Instance = new();

        public IEnumerable<string> EnumerateFiles(string relativeFolder) => [];

        public bool FileExists(string relativePath) => false;

        public bool DirectoryExists(string relativePath) => false;

        public FileText Read(string relativePath, long maxBytes) => throw new InvalidOperationException("the endpoint rules read no files");
    }
}
