namespace RepoML.Containers;

/// <summary>
/// The containers.conf RepoML runs podman and buildah with (CONTAINERS_CONF): runc with cgroupfs and file events,
/// which work in CI containers and hybrid-cgroup hosts where crun and systemd do not, and sane ulimits.
/// </summary>
public sealed class ContainersConfiguration
{
    public const string Text = """
        [containers]
        default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

        [engine]
        runtime = "runc"
        cgroup_manager = "cgroupfs"
        events_logger = "file"

        """;

    private ContainersConfiguration(IReadOnlyDictionary<string, string> environment) => Environment = environment;

    /// <summary>Variables set on every tool process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Writes the file under <paramref name="folder"/> (unless a CONTAINERS_CONF is already set) and points the tools at it.</summary>
    public static ContainersConfiguration Create(string folder)
    {
        if (System.Environment.GetEnvironmentVariable("CONTAINERS_CONF") is { Length: > 0 } existing)
        {
            return new ContainersConfiguration(new Dictionary<string, string> { ["CONTAINERS_CONF"] = existing });
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "containers.conf");
        if (new FileInfo(path).LinkTarget is not null || !File.Exists(path) || File.ReadAllText(path) != Text)
        {
            // Written beside and renamed into place: a link planted at the path is replaced, never written through (to ~/.bashrc, say).
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, Text);
            File.Move(temp, path, overwrite: true);
        }

        return new ContainersConfiguration(new Dictionary<string, string> { ["CONTAINERS_CONF"] = path, ["BUILDAH_ISOLATION"] = "chroot" });
    }
}
