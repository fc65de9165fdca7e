using System.Text.Json;
using RepoML.Core.Runs;
using RepoML.Workflows.Events;

namespace RepoML.Workflows.Tests.Events;

public sealed class RunEventsTests() : WorkspaceFolderTests("run-events")
{
    [Theory]
    [InlineData("experiment_name: credit\n", "credit")]
    [InlineData("", "Default")]
    public async Task Should_name_the_pipelines_experiment_When_a_run_ends(string experimentLine, string experiment)
    {
        // Given a pipeline named by its file "train", with or without experiment_name, and a completed run of it
        Workspace.Write("pipelines/train.yml", $"type: pipeline\ndisplay_name: Train\n{experimentLine}jobs: {{}}\n");
        var now = DateTimeOffset.UnixEpoch;
        var run = new RunRecord("20250101-000000-abcdef", "pipelines/train.yml", "sha256:" + new string('0', 64), RunRecord.Completed,
            new GitState(null, null, false, null), new HostInfo("", "", "", "", ""), now, now, new Dictionary<string, string>(), []);

        // When its events are published
        var context = WorkflowContexts.In(Workspace.Path);
        await WorkspaceEvents.PublishRunAsync(context, Workspace.Path, run, CancellationToken.None);

        // Then both carry the experiment Azure ML would file the job under (issue 18: they carried "train")
        var (events, _) = WorkspaceEvents.List(context, null);
        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal($"experiments/{experiment}/runs/20250101-000000-abcdef", e.Subject);
            using var data = JsonDocument.Parse(e.Data!.ToString()!);
            Assert.Equal(experiment, data.RootElement.GetProperty("experimentName").GetString());
        });
    }
}
