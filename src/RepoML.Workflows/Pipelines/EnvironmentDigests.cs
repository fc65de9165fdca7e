using System.Security.Cryptography;

namespace RepoML.Workflows.Pipelines;

/// <summary>
/// An environment's digest covers its YAML and every file it references: the conda file and the Docker build
/// folder. Two environments with equal digests build the same image.
/// </summary>
public sealed class EnvironmentDigests(DiskWorkspaceFiles files, Workspace workspace, FileDigests digests)
{
    public string? Of(string? environmentSpecPath)
    {
        if (environmentSpecPath is null || workspace.File(environmentSpecPath) is not { Root: { } root } spec)
        {
            return null;
        }

        var parts = new StringBuilder().Append("spec ").Append(YamlCanonical.Write(root, "description", "tags")).Append('\n');
        var environment = root.GetMapping("environment") ?? root;
        if (environment.GetString("conda_file") is { } conda && WorkspacePaths.Resolve(spec.Path,
            conda) is { } condaPath && files.FileExists(condaPath))
        {
            parts.Append("conda ").Append(digests.OfFile(files.Full(condaPath))).Append('\n');
        }

        if (environment.GetMapping("build")?.GetString("path") is { } build && WorkspacePaths.Resolve(spec.Path,
            build) is { } buildPath && files.DirectoryExists(buildPath))
        {
            parts.Append("build ").Append(digests.OfFolder(files.Full(buildPath))).Append('\n');
        }

        return Digest.FromHash(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString()))).ToString();
    }
}
