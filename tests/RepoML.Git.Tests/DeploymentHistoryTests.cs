namespace RepoML.Git.Tests;

/// <summary>Which version each endpoint deployment used, from when until when, replayed from real history.</summary>
public sealed class DeploymentHistoryTests
{
    private static string Deployment(string model) => SampleSpecs.Deployment("blue", model, withCode: false);

    [Theory]
    [InlineData(GitBackend.Cli)]
    [InlineData(GitBackend.LibGit2)]
    public void Should_follow_latest_and_pins_When_deployments_and_versions_change(GitBackend backend)
    {
        // Given: blue follows @latest from v1; v2 is registered; blue is pinned back to v1; the file is renamed.
        using var repo = new TempRepo();
        repo.Register("alice", "credit", "a");
        repo.Commit("alice", "Deploy blue", ("endpoints/credit/blue.yml", Deployment("azureml:credit@latest")));
        var deployed = repo.Head;
        repo.Register("bob", "credit", "b");
        var registered2 = repo.Head;
        repo.Commit("carol", "Pin blue to credit:1", ("endpoints/credit/blue.yml", Deployment("azureml:credit:1")));
        var pinned = repo.Head;
        repo.Rename("carol", "endpoints/credit/blue.yml", "endpoints/credit/blue-deployment.yml");

        // When
        using var registry = GitModelRegistry.Open(repo.Root, new RegistryOpenOptions(Backend: backend));
        var v1 = registry.Lineage(registry.Resolve("credit:1")).Deployments;
        var v2 = registry.Lineage(registry.Resolve("credit:2")).Deployments;

        // Then
        Assert.Equal(3, v1.Count);
        Assert.Equal((deployed, registered2), (v1[0].Since.Sha, v1[0].Until?.Sha));
        Assert.Equal((pinned, repo.Head), (v1[1].Since.Sha, v1[1].Until?.Sha));
        Assert.Equal(("endpoints/credit/blue-deployment.yml", true), (v1[2].File, v1[2].Active));
        Assert.Equal("carol", v1[1].Since.AuthorName);
        var only = Assert.Single(v2);
        Assert.Equal((registered2, pinned, "azureml:credit@latest"), (only.Since.Sha, only.Until?.Sha, only.Reference));
    }
}
