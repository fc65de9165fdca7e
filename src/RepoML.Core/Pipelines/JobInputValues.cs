namespace RepoML.Core.Pipelines;

/// <summary>
/// The value of one job input in a local run: a literal, a local <c>uri_file</c>/<c>uri_folder</c> path, or an <c>azureml:</c>
/// data asset resolved to the local path its data file names (<c>azureml:NAME:VERSION</c>, <c>azureml:NAME@latest</c> or
/// <c>azureml:NAME</c>, the highest version). A path a local run cannot read (a URL, a datastore, a missing asset) is a diagnostic
/// at its file:line:col.
/// </summary>
public static class JobInputValues
{
    /// <param name="job">The pipeline node the input belongs to; null for the run's own inputs, which --set can override.</param>
    public static PlanValue? Of(Workspace.Workspace workspace, SpecFile file, string input, YamlNode node, List<Diagnostic> diagnostics,
        string? job = null)
    {
        switch (node)
        {
            case YamlScalar { IsNull: false } scalar when !Schema.SchemaValidator.IsBinding(scalar.Value):
                return new LiteralValue(scalar.Value);
            case YamlMapping map when map.GetString("path") is { } path && !Schema.SchemaValidator.IsBinding(path):
                var isFile = string.Equals(map.GetString("type"), "uri_file", StringComparison.OrdinalIgnoreCase);
                if (path.StartsWith(AssetReference.Prefix, StringComparison.OrdinalIgnoreCase) && !path.StartsWith("azureml://", StringComparison.OrdinalIgnoreCase))
                {
                    return DataAsset(workspace, input, map["path"]!, path, isFile, diagnostics);
                }

                if (WorkspacePaths.IsRemote(path))
                {
                    // --set reaches the run's inputs only, so a node's own input must first become one to be overridden.
                    diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, map["path"]!.Span, job is null
                        ? $"input '{input}' is at {path}, which a local run does not download; give a local copy with --set inputs.{input}=PATH"
                        : $"job '{job}': input '{input}' is at {path}, which a local run does not download; declare it as a pipeline input " +
                          $"(inputs.{input}) bound here with ${{{{parent.inputs.{input}}}}}, then give a local copy with --set inputs.{input}=PATH"));
                    return null;
                }

                return WorkspacePaths.Resolve(file.Path, path) is { } resolved ? new LocalPathValue(resolved, isFile) : null;
            case YamlMapping map when (map.GetString("value") ?? map.GetString("default")) is { } literal:
                return new LiteralValue(literal);
            default:
                return null;
        }
    }

    /// <summary>Whether an input is declared as a <c>uri_file</c> or <c>uri_folder</c> (an override of it is then a local path).</summary>
    public static bool IsPath(YamlNode? node, out bool isFile)
    {
        var type = (node as YamlMapping)?.GetString("type");
        isFile = string.Equals(type, "uri_file", StringComparison.OrdinalIgnoreCase);
        return isFile || string.Equals(type, "uri_folder", StringComparison.OrdinalIgnoreCase);
    }

    private static PlanValue? DataAsset(Workspace.Workspace workspace, string input, YamlNode at, string reference, bool isFile,
        List<Diagnostic> diagnostics)
    {
        var parsed = AssetReference.TryParse(reference);
        var versions = parsed is null ? [] : workspace.Assets(SpecKind.Data, parsed.Name).ToList();
        var asset = parsed?.Version is { } version
            ? versions.FirstOrDefault(v => v.Version == version)
            : versions.OrderByDescending(v => v.Version, VersionOrder.Instance).FirstOrDefault();
        if (asset?.Root?.GetString("path") is not { } dataPath)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.UnresolvedReference, at.Span,
                $"input '{input}': data asset '{reference}' is not a data file of this workspace" +
                (versions.Count > 0 ? $" (versions here: {string.Join(", ", versions.Select(v => v.Version))})" : "")));
            return null;
        }

        if (WorkspacePaths.IsRemote(dataPath) || WorkspacePaths.Resolve(asset.Path, dataPath) is not { } local)
        {
            diagnostics.Add(Diagnostic.At(DiagnosticIds.NotRunnableLocally, at.Span,
                $"input '{input}': data asset '{reference}' ({asset.Path}) is at {dataPath}, which a local run does not download"));
            return null;
        }

        var assetIsFile = string.Equals(asset.Root.GetString("type"), "uri_file", StringComparison.OrdinalIgnoreCase);
        return new LocalPathValue(local, isFile || assetIsFile);
    }

    /// <summary>Numeric versions compare as numbers (2 before 10), others as text.</summary>
    private sealed class VersionOrder : IComparer<string?>
    {
        public static VersionOrder Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            long.TryParse(x, out var a) && long.TryParse(y, out var b) ? a.CompareTo(b) : string.CompareOrdinal(x, y);
    }
}
