namespace RepoML.Core.Registry;

/// <summary>
/// Decides the version content gets. The default branch's registry gives the versions that exist; records that the
/// checked-out branch adds on top (pending until merged) take the numbers after them. Same content under the same
/// name is the same version (registration is idempotent); an explicit version must be the next one, and an existing
/// version never changes its content.
/// </summary>
public static class RegistrationPlanner
{
    public static RegistrationPlan Plan(
        RegistrySnapshot registry, IReadOnlyList<RegistrationRecord> pending, AssetKind kind, string name, string digest, int? requestedVersion =
            null)
    {
        var key = RegistrationRecord.KeyOf(digest);
        var asset = registry.Find(kind, name);
        var count = asset?.Versions.Count ?? 0;
        var mine = pending.Where(p => AssetKinds.Parse(p.Kind) == kind && p.Name == name && asset?.ByKey(p.Key) is null)
            .OrderBy(p => p.RegisteredAt).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

        if (asset?.ByKey(key) is { } existing)
        {
            Check(requestedVersion, existing.Version, name, $"that content is already {name}:{existing.Version}");
            return new RegistrationPlan(RegistrationOutcome.AlreadyRegistered, kind, name, existing.Version, key, 0);
        }

        var pendingIndex = mine.FindIndex(p => p.Key == key);
        if (pendingIndex >= 0)
        {
            Check(requestedVersion, count + pendingIndex + 1, name, $"that content is already pending as {name}:{count + pendingIndex + 1}");
            return new RegistrationPlan(RegistrationOutcome.AlreadyPending, kind, name, count + pendingIndex + 1, key, pendingIndex);
        }

        var next = count + mine.Count + 1;
        if (requestedVersion is { } requested && asset?.Version(requested) is { } taken)
        {
            throw new RegistryException(RegistryErrors.VersionConflict,
                $"{name}:{requested} already exists with {taken.Digest}, registered in {taken.Commit.ShortSha}; versions are immutable, " +
                    $"so different content becomes {name}:{next}");
        }

        Check(requestedVersion, next, name, $"the next version of {name} is {next}");
        return new RegistrationPlan(RegistrationOutcome.NewVersion, kind, name, next, key, mine.Count);
    }

    private static void Check(int? requested, int actual, string name, string why)
    {
        if (requested is { } r && r != actual)
        {
            throw new RegistryException(RegistryErrors.VersionConflict,
                $"cannot register as {name}:{r}: {why}. RepoML numbers versions from Git history; remove 'version' from the spec or use {actual}");
        }
    }
}
