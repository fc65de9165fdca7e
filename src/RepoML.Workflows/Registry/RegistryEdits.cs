namespace RepoML.Workflows.Registry;

/// <summary>
/// The registry's edits other than registering: moving a label and archiving a version, each one commit of one file on
/// the registry branch (<c>repoml models label</c>, <c>repoml models archive</c>).
/// </summary>
public static class RegistryEdits
{
    /// <summary>Points <c>@label</c> at the version (or removes it); returns the version, the commit message and the commit.</summary>
    /// <exception cref="WorkflowException">The label is not a name a label can have.</exception>
    public static (RegisteredVersion Version, string Message, string Commit) Label(
        WorkflowContext context, string? branch, AssetKind kind, string reference, string label, bool remove)
    {
        if (label == RegisteredAsset.LatestLabel || label.Length == 0 || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw WorkflowException.Usage(
                $"'{label}' cannot be a label: use letters, digits, '-' and '_' ('latest' always means the newest version)");
        }

        using var registry = RegistryAccess.OpenFor(context, branch, kind, reference);
        var version = registry.Resolve(reference, kind);
        var path = RegistryPath.Label(kind, version.Name, label).Path;
        var message = remove ? $"Remove label @{label} of {kind.Word()} {version.Name}"
            : $"Label {kind.Word()} {version.Name}:{version.Version} as @{label}";
        return (version, message, new GitContext(registry.Root).Commit([(path, remove ? null : version.Key + "\n")], message));
    }

    /// <summary>Archives the version (or restores it); the commit is null when it already was in that state.</summary>
    /// <exception cref="RegistryException">An active deployment uses the version.</exception>
    public static (RegisteredVersion Version, string Message, string? Commit) Archive(
        WorkflowContext context, string? branch, AssetKind kind, string reference, bool restore)
    {
        using var registry = RegistryAccess.OpenFor(context, branch, kind, reference);
        var version = registry.Resolve(reference, kind);
        var asset = registry.Snapshot.Find(kind, version.Name)!;
        if (!restore)
        {
            var users = registry.Deployments
                .Where(u => u.Active && u.Version.Kind == kind && u.Version.Name == version.Name && u.Version.Key == version.Key)
                .Select(u => $"{u.Endpoint}/{u.Deployment} ({u.File}: {u.Reference})").ToList();
            if (kind == AssetKind.Model)
            {
                // What the history cannot see: deployment files edited but not committed, and endpoints serving it right now.
                users.AddRange(VersionUses.InWorkingTree(registry.Root, registry, version).Where(u => !users.Any(c => c.Contains($"({u.Split(' ')[0]}:",
                    StringComparison.Ordinal))));
                users.AddRange(VersionUses.LiveAsync(registry.Root, version, CancellationToken.None).GetAwaiter().GetResult());
            }

            if (users.Count > 0)
            {
                var uses = string.Join(", ", users.Distinct(StringComparer.Ordinal));
                throw new RegistryException(RegistryErrors.InUse,
                    $"{version} cannot be archived: it is used by active deployment(s) {uses}; move those deployments to another version first");
            }
        }

        if (asset.IsArchived(version) != restore)
        {
            return (version, $"{version} is already {(restore ? "not archived" : "archived")}.", null);
        }

        var path = RegistryPath.Archived(kind, version.Name, version.Key).Path;
        var message = restore ? $"Restore archived {kind.Word()} {version}" : $"Archive {kind.Word()} {version}";
        return (version, message, new GitContext(registry.Root).Commit([(path, restore ? null : $"{version}\n")], message));
    }
}
