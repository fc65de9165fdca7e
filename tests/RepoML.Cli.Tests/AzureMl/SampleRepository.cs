namespace RepoML.Cli.Tests.AzureMl;

/// <summary>
/// A Git repository holding a copy of RepoML's sample workspace (pipelines, data, models, environments, endpoints),
/// committed, for commands that register or record runs; and the CLI run in it with a chosen environment.
/// </summary>
internal sealed class SampleRepository : IDisposable
{
    private readonly TempFolder folder = new();

    public SampleRepository()
    {
        foreach (var top in new[] { "pipelines", "data", "models", "environments", "endpoints" })
        {
            Copy(Path.Combine(RepositoryRoot.Path, top), Path.Combine(folder.Path, top));
        }

        TestGit.Run(Root, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(Root, ".gitignore"), ".repoml/\n");
        TestGit.Run(Root, "add", "--", ".");
        TestGit.Run(Root, "commit", "-q", "-m", "Sample workspace");
    }

    public string Root => folder.Path;

    /// <summary>The workspace coordinates of the ARM stand-in's default options.</summary>
    public static Dictionary<string, string> Environment() => new()
    {
        ["AZURE_SUBSCRIPTION_ID"] = "00000000-0000-0000-0000-000000000001",
        ["AZUREML_RESOURCE_GROUP"] = "rg",
        ["AZUREML_WORKSPACE"] = "repoml-ws",
    };

    public static Task<CliRun> RunAsync(string directory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliRunner.RunAsync(directory, args, environment);

    public void Dispose() => folder.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (Path.GetExtension(file) == ".yml")
            {
                File.WriteAllText(target, SampleSpecs.PinnedToTestRegistry(File.ReadAllText(file)));
                continue;
            }

            File.Copy(file, target);
        }
    }
}
