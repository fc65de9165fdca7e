using System.Text.Json;

namespace RepoML.Containers;

/// <summary>
/// The scoring server as the repoml tool carries it: the tool references RepoML.Serving, so its folder holds
/// <c>RepoML.Serving.dll</c>, its <c>.deps.json</c> and <c>.runtimeconfig.json</c>, and every assembly and native library
/// the server loads. <see cref="CopyTo"/> copies exactly that closure (the files its deps.json names for linux-x64) into
/// an image's build context, so packaging needs no RepoML source and no <c>dotnet publish</c>. The copy is
/// framework-dependent: the image's base provides the ASP.NET Core runtime (see <see cref="HostDotnetRuntime"/>).
/// </summary>
public static class InstalledServer
{
    public const string Assembly = "RepoML.Serving.dll";

    private const string DepsFile = "RepoML.Serving.deps.json";
    private const string RuntimeConfigFile = "RepoML.Serving.runtimeconfig.json";

    /// <summary>Linux x64 and the RIDs it falls back to, for assets published per platform (runtimes/RID/…).</summary>
    private static readonly string[] ImageRids = ["linux-x64", "linux", "unix", "any"];

    /// <summary>The folder of the running tool, where the server's files are.</summary>
    public static string ToolFolder => AppContext.BaseDirectory;

    /// <summary>True when <paramref name="folder"/> holds a server: the assembly, its deps.json and runtimeconfig.json.</summary>
    public static bool IsServerFolder(string folder) =>
        File.Exists(Path.Combine(folder, Assembly)) && File.Exists(Path.Combine(folder, DepsFile))
        && File.Exists(Path.Combine(folder, RuntimeConfigFile));

    /// <summary>
    /// Copies the server's files from <paramref name="source"/> into <paramref name="target"/> (created) and returns how many
    /// were copied. Throws <see cref="ContainerToolException"/> when the folder holds no server, when it was built for a
    /// platform other than linux-x64, or when a file its deps.json names is missing.
    /// </summary>
    public static int CopyTo(string source, string target)
    {
        if (!IsServerFolder(source))
        {
            throw new ContainerToolException($"{source} holds no scoring server ({Assembly} with its .deps.json and .runtimeconfig.json)");
        }

        using var deps = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(source, DepsFile)));
        var runtimeTarget = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString() ?? "";
        var slash = runtimeTarget.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && runtimeTarget[(slash + 1)..] != "linux-x64")
        {
            throw new ContainerToolException(
                $"this repoml was built for {runtimeTarget[(slash + 1)..]}; serving images run linux-x64, so package them with the " +
                "linux-x64 tool (on Linux or WSL), or pass --server with RepoML.Serving published for linux-x64");
        }

        var files = new SortedSet<string>(StringComparer.Ordinal) { Assembly, DepsFile, RuntimeConfigFile };
        foreach (var library in deps.RootElement.GetProperty("targets").GetProperty(runtimeTarget).EnumerateObject())
        {
            files.UnionWith(Assets(source, library.Value));
        }

        foreach (var file in files)
        {
            var from = Path.Combine(source, file);
            if (!File.Exists(from))
            {
                throw new ContainerToolException($"the scoring server in {source} is incomplete: {file} is missing (reinstall the repoml tool)");
            }

            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }

        return files.Count;
    }

    /// <summary>
    /// The files one deps.json library contributes, relative to the app folder: runtime and native assets by file name
    /// (a published or built app keeps them at its root), platform assets for linux-x64 at their runtimes/ path when
    /// present there (a portable build), else by file name (a RID-specific publish flattens them).
    /// </summary>
    private static IEnumerable<string> Assets(string source, JsonElement library)
    {
        foreach (var kind in new[] { "runtime", "native" })
        {
            if (library.TryGetProperty(kind, out var assets))
            {
                foreach (var asset in assets.EnumerateObject())
                {
                    yield return Path.GetFileName(asset.Name);
                }
            }
        }

        if (!library.TryGetProperty("runtimeTargets", out var targets))
        {
            yield break;
        }

        foreach (var asset in targets.EnumerateObject())
        {
            var rid = asset.Value.TryGetProperty("rid", out var r) ? r.GetString() : null;
            if (rid is not null && ImageRids.Contains(rid, StringComparer.Ordinal))
            {
                yield return File.Exists(Path.Combine(source, asset.Name)) ? asset.Name : Path.GetFileName(asset.Name);
            }
        }
    }
}
