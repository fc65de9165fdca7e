namespace RepoML.Serving.Models;

/// <summary>Explicit <c>--model NAME=PATH</c> choices, which win over what the deployment file says.</summary>
public sealed class OverrideModelResolver(IReadOnlyDictionary<string, string> overrides, string baseFolder) : IDeploymentModelResolver
{
    public ValueTask<string?> ResolveAsync(SpecFile deployment, DeploymentSettings settings, CancellationToken cancellation) =>
        overrides.TryGetValue(settings.Name, out var path) ? ValueTask.FromResult<string?>(Path.GetFullPath(path,
            baseFolder)) : ValueTask.FromResult<string?>(null);
}
