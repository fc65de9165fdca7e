namespace RepoML.Workflows.Registry;

/// <summary>What registration reads from a model, data or environment YAML file.</summary>
public sealed record SpecInfo(string RelativePath, AssetKind Kind, string Name, int? Version, string? Description, Dictionary<string,
    string> Tags, Dictionary<string, string> Properties, YamlMapping Root)
{
    public static SpecInfo Load(string root, string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            throw WorkflowException.Usage($"spec '{fullPath}' does not exist");
        }

        var relative = Path.GetRelativePath(root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        var spec = SpecFileLoader.Load(relative, FileText.Of(File.ReadAllText(fullPath)));
        if (spec.Root is null || spec.Kind is not { } specKind || AssetKinds.FromSpec(specKind) is not { } kind)
        {
            throw WorkflowException.Usage($"{relative} is not a model, data or environment spec (Azure ML model.schema.json, " +
                $"data.schema.json or environment.schema.json)");
        }

        var name = spec.Name ?? throw WorkflowException.Usage($"{relative} has no 'name'");
        int? version = null;
        if (spec.Version is { } text)
        {
            version = int.TryParse(text, out var number) && number > 0
                ? number
                : throw WorkflowException.Usage($"{relative}: version '{text}' is not a positive integer; RepoML numbers versions 1, 2, " +
                    $"… (or leave 'version' out)");
        }

        return new SpecInfo(relative, kind, name, version, spec.Root.GetString("description"), Map(spec.Root.GetMapping("tags")),
            Map(spec.Root.GetMapping("properties")), spec.Root);
    }

    private static Dictionary<string, string> Map(YamlMapping? mapping) =>
        mapping?.Entries.Where(e => e.Value is YamlScalar).ToDictionary(e => e.Key.Value, e => ((YamlScalar)e.Value).Value, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
