namespace RepoML.Core.Pipelines;

/// <summary>
/// What a planned job's references resolve to: its component (inline, by path or <c>azureml:</c> name), the values its
/// bound inputs take (<c>${{parent…}}</c>), and its environment.
/// </summary>
internal static class JobBindings
{
    public static (YamlMapping? Component, SpecFile File) ComponentOf(Workspace.Workspace workspace, SpecFile pipeline, YamlEntry job,
        YamlMapping definition, string key, List<Diagnostic> diagnostics)
    {
        switch (definition[key])
        {
            case null when key == "trial":
                diagnostics.Add(Diagnostic.At(DiagnosticIds.RequiredField, job.Key.Span, $"job '{job.Key.Value}' is a sweep with no trial"));
                return (null, pipeline);
            case null:
                return (definition, pipeline);
            case YamlMapping inline:
                return (inline, pipeline);
            case YamlScalar { Value: var reference } scalar:
                var file = reference.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase)
                    ? AssetReference.TryParse(reference) is { } parsed ? workspace.Assets(SpecKind.CommandComponent,
                        parsed.Name).FirstOrDefault() : null
                    : WorkspacePaths.Resolve(pipeline.Path, reference) is { } path ? workspace.File(path) : null;
                if (file?.Root is null)
                {
                    diagnostics.Add(Diagnostic.At(DiagnosticIds.UnresolvedReference, scalar.Span,
                        $"job '{job.Key.Value}': component '{reference}' is not a component file of this workspace"));
                    return (null, pipeline);
                }

                return (file.Root, file);
            default:
                return (null, pipeline);
        }
    }

    public static PlanValue? BoundValue(Workspace.Workspace workspace, SpecFile pipeline, string job, YamlEntry bound, IReadOnlyDictionary<string, PlanValue> pipelineInputs,
        List<Diagnostic> diagnostics)
    {
        var text = bound.Value switch
        {
            YamlScalar s => s.Value,
            YamlMapping m => m.GetString("path") ?? m.GetString("value"),
            _ => null,
        };
        if (text is null || Binding.FindAll(text) is not [var binding])
        {
            return JobInputValues.Of(workspace, pipeline, bound.Key.Value, bound.Value, diagnostics, job);
        }

        switch (binding.Parts)
        {
            case ["parent", "inputs", var name] when pipelineInputs.TryGetValue(name, out var value):
                return value;
            case ["parent", "jobs", var upstream, "outputs", var output]:
                return new JobOutputValue(upstream, output);
            default:
                diagnostics.Add(Diagnostic.At(DiagnosticIds.UnresolvedBinding, bound.Value.Span,
                    $"job '{job}': input '{bound.Key.Value}' binds '{binding.Text}', which has no value in a local run"));
                return null;
        }
    }

    public static (string? Name, string? Path) EnvironmentOf(Workspace.Workspace workspace, SpecFile componentFile, YamlMapping component)
        => component["environment"] switch
    {
        YamlScalar { Value: var reference } when AssetReference.TryParse(reference) is { } parsed =>
            (reference, workspace.Assets(SpecKind.Environment, parsed.Name).FirstOrDefault()?.Path),
        YamlScalar { Value: var other } => (other, null),
        YamlMapping => ("inline", componentFile.Path),
        _ => (null, null),
    };
}
