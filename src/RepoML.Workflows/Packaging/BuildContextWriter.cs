namespace RepoML.Workflows.Packaging;

/// <summary>Lays out a build context folder: Dockerfile, server/, model/, endpoint/, state/, lineage.json.</summary>
public static class BuildContextWriter
{
    public static void Prepare(string context)
    {
        if (Directory.Exists(context))
        {
            Directory.Delete(context, recursive: true);
        }

        Directory.CreateDirectory(context);
    }

    public static void WriteEndpoint(string context, string endpointYaml, string deploymentFile, string deploymentName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(context, ImageLayout.ContextEndpoint)).FullName;
        File.WriteAllText(Path.Combine(folder, "endpoint.yml"), endpointYaml);
        File.Copy(deploymentFile, Path.Combine(folder, deploymentName + ".yml"));
        var state = Directory.CreateDirectory(Path.Combine(context, ImageLayout.ContextState)).FullName;
        File.WriteAllText(Path.Combine(state, "README"),
            "The scoring server's writable workspace: .repoml/keys (endpoint keys) and .repoml/collected (data collection).\n");
    }

    public static void WriteDockerfile(string context, string dockerfile, PackageLineage lineage)
    {
        File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "lineage.json\n");
        var labels = ImageLabels.Create(lineage).ToDictionary(p => p.Key, p => p.Value);
        File.WriteAllText(Path.Combine(context, "lineage.json"), JsonSerializer.Serialize(labels,
            new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Copies a folder's files (not its links), keeping Unix modes (the server's executable bit).</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
    }
}
