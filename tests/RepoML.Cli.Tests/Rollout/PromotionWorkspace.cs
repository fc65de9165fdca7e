namespace RepoML.Cli.Tests.Rollout;

/// <summary>A temporary Git repository holding the sample workspace's credit model and endpoint files, with a fast rollout plan.</summary>
internal static class PromotionWorkspace
{
    public static readonly string RepositoryRoot = global::RepoML.Tests.Shared.RepositoryRoot.Path;

    public static TempWorkspace Create()
    {
        var workspace = new TempWorkspace();
        Directory.Delete(Path.Combine(workspace.Root, ".git"));
        TestGit.Run(workspace.Root, "init", "-q", "-b", "main");
        foreach (var file in new[] { "models/credit.yml", "endpoints/credit/endpoint.yml", "endpoints/credit/blue.yml",
            "endpoints/credit/green.yml" })
        {
            workspace.Write(file, File.ReadAllText(Path.Combine(RepositoryRoot, file)));
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
}
