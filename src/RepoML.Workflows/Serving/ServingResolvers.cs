using RepoML.Serving.Models;

namespace RepoML.Workflows.Serving;

/// <summary>
/// The one place that decides how deployments' models are found, for serve and batch invoke:
/// <c>--model</c> overrides, then the Git registry for <c>azureml:</c> references, then inline local paths.
/// </summary>
public static class ServingResolvers
{
    public static IDeploymentModelResolver Create(WorkflowContext context, string workspaceRoot, IReadOnlyDictionary<string, string> overrides) =>
        CompositeModelResolver.Default(overrides, workspaceRoot, context.CurrentDirectory, new RegistryModelResolver(workspaceRoot,
            context.GetEnvironmentVariable, context.Error));
}
