using RepoML.Core.Profiles;

namespace RepoML.Workflows.Profiles;

/// <summary>
/// The work of <c>repoml data profile</c> and <c>repoml data diff</c>: profiles a CSV file (or a folder's CSV files, when
/// there is exactly one), reads a saved profile (<c>.json</c>) or the profile recorded with a registered data version
/// (<c>NAME:VERSION</c>, <c>NAME@LABEL</c>, when no such file exists), and compares two.
/// </summary>
public static class DataProfiling
{
    /// <summary>Profiles the data at <paramref name="path"/> or reads the profile saved there.</summary>
    public static DataProfile Load(WorkflowContext context, string path)
    {
        var full = context.FullPath(path);
        if (Directory.Exists(full))
        {
            var csvs = Directory.GetFiles(full, "*.csv", SearchOption.AllDirectories);
            full = csvs.Length == 1 ? csvs[0] : throw WorkflowException.Usage(
                $"{path}: a folder to profile must hold exactly one .csv file, found {csvs.Length}");
            path = Path.GetRelativePath(context.CurrentDirectory, full).Replace('\\', '/');
        }

        if (!File.Exists(full) && RecordedProfile.Reference(path) is { } reference)
        {
            return RecordedProfile.Find(context, context.WorkspaceRoot, reference)
                ?? throw WorkflowException.Usage($"{path}: no such file, and no data version {reference} with a recorded profile on the registry "
                    + "branch");
        }

        if (!File.Exists(full))
        {
            throw WorkflowException.Usage($"{path}: file not found");
        }

        try
        {
            return full.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ProfileJson.Parse(File.ReadAllText(full), path)
                : DataProfiler.Profile(RepoML.Training.Data.CsvText.Read(full), path.Replace('\\', '/'));
        }
        catch (DataProfileException e)
        {
            throw WorkflowException.Invalid(e.Message, e);
        }
    }

    /// <summary>Profiles and, when <paramref name="outPath"/> is given, saves the profile there atomically.</summary>
    public static DataProfile Profile(WorkflowContext context, string path, string? outPath)
    {
        var profile = Load(context, path);
        if (outPath is not null)
        {
            AtomicText.Write(context.FullPath(outPath), ProfileJson.Serialize(profile));
        }

        return profile;
    }

    public static ProfileDiff Diff(WorkflowContext context, string before, string after) =>
        ProfileComparer.Compare(Load(context, before), Load(context, after));
}
