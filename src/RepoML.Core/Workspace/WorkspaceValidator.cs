using RepoML.Core.Diagnostics;
using RepoML.Core.Specs;
using RepoML.Core.Yaml;

namespace RepoML.Core.Workspace;

/// <summary>
/// Checks what a single file's schema cannot: references between files, local paths, endpoint traffic,
/// pipeline bindings and the job graph. Adds diagnostics to the files they concern.
/// </summary>
public sealed partial class WorkspaceValidator(Workspace workspace, IWorkspaceFiles files)
{
    public static void Validate(Workspace workspace, IWorkspaceFiles files) => new WorkspaceValidator(workspace, files).Run();

    private void Run()
    {
        CheckDuplicateAssets();
        foreach (var file in workspace.Specs)
        {
            switch (file.Kind)
            {
                case SpecKind.Model:
                    CheckLocalPath(file, file.Root!.Entry("path"), mustBeFolder: null);
                    break;
                case SpecKind.Data:
                    CheckDataAsset(file);
                    break;
                case SpecKind.Environment:
                    CheckEnvironment(file, file.Root!);
                    break;
                case SpecKind.ManagedOnlineEndpoint or SpecKind.KubernetesOnlineEndpoint:
                    CheckOnlineEndpoint(file);
                    break;
                case SpecKind.BatchEndpoint:
                    CheckBatchEndpoint(file);
                    break;
                case SpecKind.ManagedOnlineDeployment or SpecKind.KubernetesOnlineDeployment or SpecKind.BatchDeployment:
                    CheckDeployment(file);
                    break;
                case SpecKind.CommandComponent or SpecKind.CommandJob:
                    CheckCommand(file, file.Root!);
                    break;
                case SpecKind.PipelineJob:
                    CheckPipeline(file);
                    break;
            }
        }
    }

    private void CheckDuplicateAssets()
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
                Report(duplicate, DiagnosticIds.DuplicateAsset, duplicate.Root!.Entry("name")!.Value.Span, $"{group.Key.Kind} '{group.Key.Name}'{version} is also defined in {first.Path}");
            }
        }
    }

    private static void Report(SpecFile file, DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        file.Diagnostics.Add(Diagnostic.At(descriptor, span, message));

    private static IEnumerable<string> Names(YamlMapping? mapping) => mapping?.Entries.Select(e => e.Key.Value) ?? [];
}
