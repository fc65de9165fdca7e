using RepoML.Core.Profiles;

namespace RepoML.Workflows.Profiles;

/// <summary>
/// The profile recorded with the data version a reference names (<c>azureml:NAME:VERSION</c> or <c>azureml:NAME@LABEL</c>,
/// the prefix optional): a monitor's baseline (<see cref="ProfileBaseline"/>, instead of reading the CSV) and either side
/// of <c>repoml data diff</c>. Null when the reference names no version, the workspace is not a Git repository, no such
/// version is registered, or it has no profile: the monitor then reads the CSV as before (a profile that does not parse
/// is also a warning).
/// </summary>
public static class RecordedProfile
{
    /// <summary>A reference to a registered version (with or without <c>azureml:</c>), or null.</summary>
    public static AssetReference? Reference(string text) =>
        AssetReference.TryParse(AssetReference.IsReference(text) ? text : AssetReference.Prefix + text) is { } r && (r.Version ?? r.Label) is not null
            ? r : null;

    public static DataProfile? Find(WorkflowContext context, string root, AssetReference reference)
    {
        if (reference.Version is null && reference.Label is null)
        {
            return null;
        }

        try
        {
            using var registry = GitModelRegistry.Open(root, new RegistryOpenOptions(context.GetEnvironmentVariable(DefaultBranch.Variable),
                OnlyKind: AssetKind.Data, OnlyName: reference.Name));
            var version = registry.Resolve(reference.ToString(), AssetKind.Data);
            var path = ProfilePath.For(version.Name, version.Key);
            var file = registry.Snapshot.Tip is { } tip ? registry.History.ListFiles(tip, path).FirstOrDefault(f => f.Path == path) : null;
            return file is null ? null : ProfileJson.Parse(registry.History.ReadBlob(file.BlobId), path);
        }
        catch (RegistryException)
        {
            return null;
        }
        catch (DataProfileException e)
        {
            context.Error.WriteLine($"warning: baseline {reference}: no recorded profile used ({e.Message}); reading the CSV");
            return null;
        }
    }
}
