using System.Diagnostics;
using System.Text.Json;
using RepoML.Workflows.Packaging;

namespace RepoML.Workflows.Tests.Packaging;

/// <summary><c>deploy --down</c> stops what the record under <c>.repoml/deploy/</c> names: only RepoML's server, and never on a damaged record.</summary>
public sealed class DeploymentRecordTests
{
    [Theory]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{\"Endpoint\": \"credit\", \"Target\": \"local\"}")]
    public async Task Should_refuse_by_name_and_stop_nothing_When_the_record_is_damaged(string text)
    {
        using var folder = new TempFolder("deploy-down");
        var record = folder.Write(".repoml/deploy/credit.json", text);

        var error = await Assert.ThrowsAsync<WorkflowException>(() => new EndpointDeployer(WorkflowContexts.In(folder.Path), folder.Path,
            Path.Combine(folder.Path, "endpoints", "credit")).DownAsync(CancellationToken.None));

        Assert.Equal(WorkflowFailure.Invalid, error.Kind);
        Assert.Contains($"{record} is not a deployment record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_leave_the_process_running_When_an_edited_record_names_a_pid_that_is_not_the_endpoints_server()
    {
        // Given a process of someone else's, and a deployment record edited to name its pid
        using var folder = new TempFolder("deploy-down");
        using var other = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        try
        {
            var endpoint = Path.Combine(folder.Path, "endpoints", "credit");
            folder.Write(".repoml/deploy/credit.json", JsonSerializer.Serialize(new DeploymentRecord("credit", "local",
                [new DeployedInstance("blue", "http://127.0.0.1:1", null, other.Id, null)])));

            // When the endpoint is taken down
            var stopped = await new EndpointDeployer(WorkflowContexts.In(folder.Path), folder.Path, endpoint).DownAsync(CancellationToken.None);

            // Then the record is done with, and the process it named still runs
            Assert.NotNull(stopped);
            Assert.False(File.Exists(folder[".repoml/deploy/credit.json"]));
            Assert.False(other.HasExited, "deploy --down killed a process that was not the endpoint's server");
        }
        finally
        {
            other.Kill();
        }
    }
}
