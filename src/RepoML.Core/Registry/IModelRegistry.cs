namespace RepoML.Core.Registry;

/// <summary>
/// The registry other features call: resolve <c>azureml:credit@latest</c>, <c>azureml:credit:3</c> or
/// <c>azureml:credit@prod</c> to a version (number, digest, record, commit) and restore its files.
/// Implemented in RepoML.Git by <c>GitModelRegistry</c>.
/// </summary>
public interface IModelRegistry
{
    /// <summary>The registry computed from the default branch's first-parent history.</summary>
    RegistrySnapshot Snapshot { get; }

    /// <summary>Resolves a reference (<c>[azureml:]name[:version|@label]</c>); throws <see cref="RegistryException"/> when it names
    /// nothing.</summary>
    RegisteredVersion Resolve(string reference, AssetKind kind = AssetKind.Model);

    /// <summary>
    /// Restores a version's files into <paramref name="targetFolder"/>, every file verified against its digest;
    /// the folder appears whole or not at all.
    /// </summary>
    Task<RegisteredVersion> DownloadAsync(string reference, string targetFolder, AssetKind kind = AssetKind.Model, bool replaceExisting = false,
        CancellationToken cancellationToken = default);
}
