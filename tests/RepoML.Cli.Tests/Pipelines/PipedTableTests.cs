using RepoML.Core.Runs;
using RepoML.Workflows.Pipelines;

namespace RepoML.Cli.Tests.Pipelines;

public sealed class PipedTableTests
{
    [Fact]
    public async Task Should_keep_each_run_id_and_pipeline_on_one_line_When_the_output_is_piped()
    {
        // Given runs of a pipeline with a long path, listed with the output captured (as when piped to grep or a file)
        using var workspace = new TempWorkspace();
        const string pipeline = "pipelines/credit-risk/nightly-retraining-with-hyperparameter-sweep-and-calibration.yml";
        var now = DateTimeOffset.UnixEpoch;
        foreach (var id in new[] { "20250101-000000-abcdef", "20250102-000000-123456" })
        {
            new RunsFolder(workspace.Root).Save(new RunRecord(id, pipeline, "", RunRecord.Completed, new GitState(
                "0123456789abcdef0123456789abcdef01234567", "main", false, null), new HostInfo("", "", "", "", ""), now, now,
                new Dictionary<string, string>(), []));
        }

        // When listed as text
        var list = await workspace.RunAsync("runs", "list");

        // Then no cell wrapped: each run's id and pipeline are whole on its row (issue 18: ids wrapped mid-token at 80 columns)
        Assert.Equal(0, list.ExitCode);
        foreach (var id in new[] { "20250101-000000-abcdef", "20250102-000000-123456" })
        {
            Assert.Single(list.Output.Split('\n'), l => l.Contains(id, StringComparison.Ordinal) && l.Contains(pipeline, StringComparison.Ordinal));
        }
    }
}
