using RepoML.Workflows.Serving;

namespace RepoML.Cli.Tests.Rollout;

/// <summary>Archiving refuses a version a deployment uses: committed, edited in the working tree, or served by a running endpoint.</summary>
public sealed class ArchiveProtectionTests
{
    [Fact]
    public async Task Should_refuse_to_archive_When_an_uncommitted_deployment_file_uses_the_version()
    {
        // Given: credit:2 used by no committed file, but by green in the working tree.
        using var workspace = PromotionWorkspace.Create();
        PromotionWorkspace.Register(workspace, "v1", TestModels.Iris, "First");
        PromotionWorkspace.Register(workspace, "v2", TestModels.Iris, "Second");
        var green = Path.Combine(workspace.Root, "endpoints/credit/green.yml");
        File.WriteAllText(green, File.ReadAllText(green).Replace("azureml:credit:1", "azureml:credit:2", StringComparison.Ordinal));

        // When
        var refused = await workspace.RunAsync("models", "archive", "credit:2");
        TestGit.Run(workspace.Root, "checkout", "--", "endpoints/credit/green.yml");
        var archived = await workspace.RunAsync("models", "archive", "credit:2");

        // Then
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("endpoints/credit/green.yml (azureml:credit:2, working tree)", refused.Error, StringComparison.Ordinal);
        Assert.True(archived.ExitCode == 0, archived.Output + archived.Error);
    }

    [Fact]
    public async Task Should_refuse_to_archive_When_a_running_local_endpoint_serves_the_version()
    {
        // Given: green served credit:2 and still does, though the files went back to credit:1.
        using var workspace = PromotionWorkspace.Create();
        PromotionWorkspace.Register(workspace, "v1", TestModels.Iris, "First");
        PromotionWorkspace.Register(workspace, "v2", TestModels.Iris, "Second");
        await using var live = await LiveEndpoint.StartAsync(workspace.Root, watch: false);
        var green = Path.Combine(workspace.Root, "endpoints/credit/green.yml");
        File.WriteAllText(green, File.ReadAllText(green).Replace("azureml:credit:1", "azureml:credit:2", StringComparison.Ordinal));
        await live.ReloadAsync();
        TestGit.Run(workspace.Root, "checkout", "--", "endpoints/credit/green.yml");
        // As `repoml serve` records itself.
        var record = LocalEndpoints.Add(workspace.Root, new LocalEndpoints.Entry("credit", live.Address.ToString().TrimEnd('/'),
            Environment.ProcessId, "endpoints/credit"));

        // When
        var refused = await workspace.RunAsync("models", "archive", "credit:2");
        LocalEndpoints.Remove(record);
        var archived = await workspace.RunAsync("models", "archive", "credit:2");

        // Then
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"credit/green (live on {live.Address.ToString().TrimEnd('/')})", refused.Error, StringComparison.Ordinal);
        Assert.True(archived.ExitCode == 0, archived.Output + archived.Error);
    }
}
