using RepoML.Core.Profiles;

namespace RepoML.Workflows.Profiles;

/// <summary>
/// The profile committed with a data version (<see cref="ProfilePath"/>): computed from the registered files when they are
/// one CSV file, or a folder holding exactly one. Anything else (Parquet, many files, a remote path) has no profile;
/// a CSV that does not parse is a warning, never a failed registration.
/// </summary>
public static class RegistrationProfile
{
    /// <summary>The profile file to commit with the record, or null.</summary>
    public static (string Path, string Content)? For(WorkflowContext context, SpecInfo spec, IReadOnlyList<string> paths, string key)
    {
        if (spec.Kind != AssetKind.Data || LocalData(context, spec, paths) is not { } csv)
        {
            return null;
        }

        try
        {
            var source = Path.GetRelativePath(context.WorkspaceRoot, csv).Replace('\\', '/');
            var profile = DataProfiler.Profile(RepoML.Training.Data.CsvText.Read(csv), source);
            return (ProfilePath.For(spec.Name, key), ProfileJson.Serialize(profile));
        }
        catch (DataProfileException e)
        {
            context.Error.WriteLine($"warning: no profile recorded for {spec.Name}: {e.Message}");
            return null;
        }
    }

    private static string? LocalData(WorkflowContext context, SpecInfo spec, IReadOnlyList<string> paths)
    {
        string? full;
        if (paths.Count > 0)
        {
            full = paths.Count == 1 ? context.FullPath(paths[0]) : null;
        }
        else
        {
            var path = spec.Root.GetString("path");
            var local = path is null || WorkspacePaths.IsRemote(path) ? null : WorkspacePaths.Resolve(spec.RelativePath, path);
            full = local is null ? null : Path.Combine(context.WorkspaceRoot, local);
        }

        if (full is not null && Directory.Exists(full))
        {
            var csvs = Directory.GetFiles(full, "*.csv", SearchOption.AllDirectories);
            full = csvs.Length == 1 ? csvs[0] : null;
        }

        return full is not null && File.Exists(full) && full.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? full : null;
    }
}
