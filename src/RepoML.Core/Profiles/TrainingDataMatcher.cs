using RepoML.Core.Artifacts;
using RepoML.Core.Runs;

namespace RepoML.Core.Profiles;

/// <summary>
/// Finds the registered data versions a run read. A run records each local data input by its content digest: a folder's
/// digest is its manifest's, as a registered folder's is; a single file's is the file's own, while registration wraps a
/// file as a one-file folder, so a file matches a version of one file whose manifest (the file's name, the version's size,
/// the run's digest) has the version's digest. Only versions with a recorded profile count.
/// </summary>
public static class TrainingDataMatcher
{
    public static IReadOnlyList<TrainingData> Match(RunLineage? run, IEnumerable<RegisteredVersion> dataVersions, ISet<string> profilePaths)
    {
        var inputs = (run?.Assets ?? []).Where(a => a.Kind == AssetKind.Data.Word()).ToArray();
        if (inputs.Length == 0)
        {
            return [];
        }

        return dataVersions
            .Where(v => profilePaths.Contains(ProfilePath.For(v.Name, v.Key)) && inputs.Any(input => Reads(input, v.Record)))
            .Select(v => new TrainingData(v.Name, v.Version, ProfilePath.For(v.Name, v.Key)))
            .ToArray();
    }

    private static bool Reads(AssetUse input, RegistrationRecord record)
    {
        if (input.Digest == record.Digest)
        {
            return true;
        }

        var name = input.Name[(input.Name.LastIndexOf('/') + 1)..];
        return record.FileCount == 1 && Digest.TryParse(input.Digest, out var digest) && ArtifactManifest.IsValidPath(name, out _)
            && new ArtifactManifest([new ArtifactManifestEntry(name, record.Size, digest)]).ComputeDigest().ToString() == record.Digest;
    }
}
