using static RepoML.Core.Workspace.Validation.ValidationContext;

namespace RepoML.Core.Workspace.Validation;

/// <summary><c>azureml:</c> references to the workspace's own assets.</summary>
internal sealed class ReferenceChecks(ValidationContext context)
{
    /// <summary>Resolves a reference-valued entry; returns the asset file when it is in this context.Workspace.</summary>
    public SpecFile? CheckReference(SpecFile file, YamlEntry? entry, SpecKind kind)
    {
        if (entry?.Value is not YamlScalar { IsNull: false } scalar || SchemaValidator.IsTemplatePlaceholder(scalar.Value)
            || SchemaValidator.IsBinding(scalar.Value))
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (AssetReference.IsExternal(text) || text.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase))
        {
            Report(file, DiagnosticIds.ExternalReference, scalar.Span, $"'{text}' is an asset outside this repository; RepoML does not check it");
            return null;
        }

        var reference = AssetReference.TryParse(text);
        if (reference is null)
        {
            Report(file, DiagnosticIds.UnresolvedReference, scalar.Span,
                $"'{entry.Key.Value}' must be an asset reference such as 'azureml:name:version' or 'azureml:name@latest', or an inline " +
                $"definition; got '{text}'");
            return null;
        }

        var candidates = context.Workspace.Assets(kind, reference.Name).ToList();
        if (candidates.Count == 0)
        {
            var suggestion = StringDistance.Closest(reference.Name, context.Workspace.OfKind(kind).Select(a => a.Name).OfType<string>().Distinct());
            var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
            var descriptor = kind == SpecKind.Model && file.Kind is not (SpecKind.PipelineJob or SpecKind.CommandJob)
                ? DiagnosticIds.ReferencedModelRemoved
                : DiagnosticIds.UnresolvedReference;
            var why = descriptor == DiagnosticIds.ReferencedModelRemoved
                ? " (a model used by a deployment cannot be removed while it is referenced)" : "";
            Report(file, descriptor, scalar.Span, $"{Describe(kind)} '{reference.Name}' referenced by '{text}' is not defined in this " +
                $"workspace{why}{hint}");
            return null;
        }

        if (reference.Version is not null && candidates.All(c => c.Version is not null) && candidates.All(c => c.Version != reference.Version))
        {
            var versions = string.Join(", ", candidates.Select(c => c.Version).Order(StringComparer.Ordinal));
            Report(file, DiagnosticIds.UnresolvedReference, scalar.Span,
                $"{Describe(kind)} '{reference.Name}' has no version {reference.Version} in this workspace (versions: {versions})");
            return null;
        }

        return candidates.FirstOrDefault(c => c.Version == reference.Version) ?? candidates[0];
    }

    public static string Describe(SpecKind kind) => kind switch
    {
        SpecKind.Model => "model",
        SpecKind.Environment => "environment",
        SpecKind.Data => "data asset",
        SpecKind.CommandComponent => "component",
        _ => kind.ToString(),
    };

    /// <summary>An environment given either as a reference or inline.</summary>
    public void CheckEnvironmentUse(SpecFile file, YamlEntry? entry)
    {
        switch (entry?.Value)
        {
            case YamlScalar:
                CheckReference(file, entry, SpecKind.Environment);
                break;
            case YamlMapping inline:
                context.Paths.CheckEnvironment(file, inline);
                break;
        }
    }
}
