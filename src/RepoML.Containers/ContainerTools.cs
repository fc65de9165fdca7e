namespace RepoML.Containers;

/// <summary>Finds the daemonless container tools on PATH and says which are missing (tests skip with that reason).</summary>
public static class ContainerTools
{
    public const string InstallHint = "apt-get install buildah podman skopeo runc docker-registry debootstrap";

    public static string? Find(string tool)
    {
        if (Path.IsPathRooted(tool))
        {
            return File.Exists(tool) ? tool : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin"]))
        {
            var path = Path.Combine(folder, tool);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Null when every tool is installed; else a sentence naming the missing ones and how to install them.</summary>
    public static string? Missing(params string[] tools)
    {
        var missing = tools.Where(t => Find(t) is null).ToList();
        return missing.Count == 0 ? null : $"{string.Join(", ", missing)} not installed; {InstallHint}";
    }
}
