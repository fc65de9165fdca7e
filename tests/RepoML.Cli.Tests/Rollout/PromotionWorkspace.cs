using RepoML.Git;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>
/// A temporary Git repository holding the sample workspace's credit model and endpoint files, with a fast rollout plan;
/// and the steps the promotion tests take on it (register a version, read a version's digest).
/// </summary>
internal static class PromotionWorkspace
{
    private static readonly string RepositoryRoot = global::RepoML.Tests.Shared.RepositoryRoot.Path;

    public static TempWorkspace Create()
    {
        var workspace = new TempWorkspace();
        Directory.Delete(Path.Combine(workspace.Root, ".git"));
        TestGit.Run(workspace.Root, "init", "-q", "-b", "main");
        foreach (var file in new[] { "models/credit.yml", "endpoints/credit/endpoint.yml", "endpoints/credit/blue.yml",
            "endpoints/credit/green.yml" })
        {
            workspace.Write(file, SampleSpecs.PinnedToTestRegistry(File.ReadAllText(Path.Combine(RepositoryRoot, file))));
        }

        // The sample plan with test-sized soak times and request counts; no comparison (the test models are not credit models).
        var plan = File.ReadAllText(Path.Combine(RepositoryRoot, "endpoints/credit/rollout.yml"));
        plan = plan.Replace("compare:\n  policy: models/credit.compare.yml\n", "", StringComparison.Ordinal)
            .Replace("min_requests: 50", "min_requests: 20", StringComparison.Ordinal);
        plan = System.Text.RegularExpressions.Regex.Replace(plan, @"soak: \w+", "soak: 0s");
        workspace.Write("endpoints/credit/rollout.yml", plan);
        workspace.Write(".gitignore", ".repoml/\n");
        TestGit.Run(workspace.Root, "add", ".");
        TestGit.Run(workspace.Root, "commit", "-q", "-m", "Sample workspace");
        return workspace;
    }

    /// <summary>Registers <paramref name="model"/> as the next version of credit (from <paramref name="folder"/>), failing the test when it cannot.</summary>
    public static void Register(TempWorkspace workspace, string folder, string model, string message)
    {
        workspace.WriteBytes($"{folder}/model.onnx", File.ReadAllBytes(model)).Write($"{folder}/README.md", message);
        var run = workspace.RunAsync("register", "models/credit.yml", "--path", folder, "-m", message).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.Error);
    }

    /// <summary>The digest the registry records for <paramref name="reference"/> (<c>azureml:credit:2</c>).</summary>
    public static string Digest(TempWorkspace workspace, string reference)
    {
        using var registry = GitModelRegistry.Open(workspace.Root, new RegistryOpenOptions());
        return registry.Resolve(reference).Digest;
    }
}
