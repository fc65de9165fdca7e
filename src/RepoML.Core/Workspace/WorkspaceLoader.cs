namespace RepoML.Core.Workspace;

/// <summary>
/// Loads the YAML files of the workspace folders (and any extra folders or files asked for) in parallel.
/// Files without <c>$schema</c> that another spec points at (conda files, MLTable, …) are resources, not specs.
/// </summary>
public static class WorkspaceLoader
{
    public static Workspace Load(IWorkspaceFiles files, IEnumerable<string>? extraPaths = null, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in WorkspacePaths.SpecFolders.Where(files.DirectoryExists))
        {
            paths.UnionWith(files.EnumerateFiles(folder).Where(WorkspacePaths.IsYaml));
        }

        paths.UnionWith(WorkspacePaths.RootSpecFiles.Where(files.FileExists));
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extra in extraPaths ?? [])
        {
            if (files.DirectoryExists(extra))
            {
                paths.UnionWith(files.EnumerateFiles(extra).Where(WorkspacePaths.IsYaml));
            }
            else if (files.FileExists(extra))
            {
                paths.Add(extra);
                named.Add(extra);
            }
        }

        var ordered = paths.ToArray();
        var loaded = new SpecFile[ordered.Length];
        Parallel.For(0, ordered.Length, i => loaded[i] = SpecFileLoader.Load(ordered[i], files.Read(ordered[i], limits.MaxBytes), limits));

        var resources = ReferencedResources(loaded);
        var kept = loaded.Select(f => !f.HasSchema && resources.Contains(f.Path) ? Demote(f) : f).ToArray();
        foreach (var file in kept.Where(f => named.Contains(f.Path) && !resources.Contains(f.Path)))
        {
            WarnWhenKindIsUnknown(file);
        }

        return new Workspace(kept);
    }

    /// <summary>
    /// A file asked for by name that is no spec RepoML can tell (no <c>$schema</c>, outside the workspace folders) would
    /// otherwise pass unchecked and be called valid; say so instead.
    /// </summary>
    private static void WarnWhenKindIsUnknown(SpecFile file)
    {
        if (file.Kind is null && !file.HasSchema && file.Root is { } root && file.Diagnostics.Count == 0)
        {
            file.Diagnostics.Add(Diagnostic.At(DiagnosticIds.UnknownKind, root.Span,
                "no '$schema' and not in a workspace folder, so RepoML cannot tell which Azure ML kind this is and did not check it; " +
                "add '$schema: https://azuremlschemas.azureedge.net/latest/<kind>.schema.json' (e.g. commandJob, managedOnlineDeployment)"));
        }
    }

    /// <summary>Files that specs name as conda files, MLTable files and the like.</summary>
    private static HashSet<string> ReferencedResources(IEnumerable<SpecFile> files)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.IsSpec))
        {
            foreach (var value in new[] { file.Root!.GetString("conda_file"), file.Root.GetString("path") })
            {
                if (value is not null && !WorkspacePaths.IsRemote(value) && WorkspacePaths.Resolve(file.Path, value) is { } resolved)
                {
                    result.Add(resolved);
                }
            }
        }

        return result;
    }

    private static SpecFile Demote(SpecFile file) => new(file.Path, null, file.Root, file.Text, hasSchema: false);
}
