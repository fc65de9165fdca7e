namespace RepoML.Core.Workspace;

/// <summary>Workspace-relative path arithmetic: '/' separators, no disk access.</summary>
public static class WorkspacePaths
{
    /// <summary>The top-level folders that hold a RepoML workspace's spec files.</summary>
    public static IReadOnlyList<string> SpecFolders { get; } = ["models", "environments", "data", "pipelines", "endpoints"];

    /// <summary>RepoML files kept at the workspace root rather than in a spec folder.</summary>
    public static IReadOnlyList<string> RootSpecFiles { get; } = ["events.yml"];

    public static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    public static string Directory(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string TopFolder(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : path[..slash];
    }

    /// <summary>
    /// Resolves <paramref name="relative"/> against the folder of <paramref name="fromFile"/>.
    /// Returns null when the result would leave the workspace root.
    /// </summary>
    public static string? Resolve(string fromFile, string relative)
    {
        var value = relative.Replace('\\', '/');
        if (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[5..];
        }

        var parts = new List<string>();
        if (!value.StartsWith('/'))
        {
            parts.AddRange(Directory(fromFile).Split('/', StringSplitOptions.RemoveEmptyEntries));
        }
        else
        {
            return null;
        }

        foreach (var part in value.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>True when a path-like value points somewhere other than the local disk (a URL or an Azure ML asset).</summary>
    public static bool IsRemote(string value) =>
        value.Contains("://", StringComparison.Ordinal)
        || value.StartsWith("azureml:", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("runs:/", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("mcr.microsoft.com", StringComparison.OrdinalIgnoreCase);
}
