namespace RepoML.Core.Pipelines;

/// <summary>
/// What a job's environment runs in when steps run in containers: an image to build from a local build context
/// (<c>build: {path: DIR, dockerfile_path: Dockerfile}</c>), or an image name to find in local storage (<c>image:</c>).
/// </summary>
/// <param name="BuildContext">The build context folder, relative to the workspace root; null for an image-only environment.</param>
public sealed record EnvironmentImage(string? Image, string? BuildContext, string Dockerfile)
{
    /// <summary>The image of an <c>environment:</c> value (an <c>azureml:</c> asset of the workspace, or inline); null when none is declared.</summary>
    public static EnvironmentImage? Of(Workspace.Workspace workspace, SpecFile componentFile, YamlMapping component)
    {
        var (file, map) = component["environment"] switch
        {
            YamlScalar { Value: var reference } when AssetReference.TryParse(reference) is { } parsed
                && workspace.Assets(SpecKind.Environment, parsed.Name).FirstOrDefault() is { Root: { } root } asset => (asset.Path, root),
            YamlMapping inline => (componentFile.Path, inline),
            YamlScalar { IsNull: false, Value: var image } when AssetReference.TryParse(image) is null => (componentFile.Path, null),
            _ => (null, null),
        };
        if (file is null)
        {
            return null;
        }

        if (map is null)
        {
            return new EnvironmentImage(((YamlScalar)component["environment"]!).Value, null, "Dockerfile");
        }

        var build = map.GetMapping("build");
        var context = build?.GetString("path") is { } path && !WorkspacePaths.IsRemote(path) ? WorkspacePaths.Resolve(file, path) : null;
        return new EnvironmentImage(map.GetString("image"), context, build?.GetString("dockerfile_path") ?? "Dockerfile");
    }
}
