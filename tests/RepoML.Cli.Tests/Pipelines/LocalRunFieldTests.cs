using static RepoML.Cli.Tests.Pipelines.RunRefusals;

namespace RepoML.Cli.Tests.Pipelines;

/// <summary>Job fields a local run enforces (limits.timeout) or refuses at file:line:col instead of skipping them silently.</summary>
public sealed class LocalRunFieldTests
{
    [Fact]
    public async Task Should_kill_the_command_and_fail_the_job_When_it_outlives_limits_timeout()
    {
        // Given a command job that would sleep 30 s, limited to 1 s
        using var workspace = new TempWorkspace().Write("jobs/slow.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            command: sleep 30 && echo late > late.txt
            environment:
              image: python
            limits:
              timeout: 1
            """);

        // When
        var run = await RunKilledByTimeoutAsync(workspace, "jobs/slow.yml", "--output", "json");

        // Then
        Assert.Contains("killed after its limits.timeout of 1 s", run.Output, StringComparison.Ordinal);
        Assert.Empty(workspace.FilesNamed("late.txt"));
    }

    [Theory]
    [InlineData("command", "code: git+https://github.com/Azure/azureml-examples", "5:7", "is not fetched by a local run")]
    [InlineData("command", "resources:\n  instance_count: 2", "6:19", "instance_count 2 asks for several nodes")]
    [InlineData("sweep", "sampling_algorithm: bayesian", "17:21", "bayesian sampling is not supported locally")]
    [InlineData("sweep", "sampling_algorithm: grid", "13:3", "grid sampling needs 'choice' for every parameter; 'x' is a uniform")]
    [InlineData("sweep", "sampling_algorithm:\n  type: random\n  rule: sobol", "19:9", "random sampling rule 'sobol' is not available locally")]
    public async Task Should_refuse_with_file_line_col_and_run_nothing_When_a_job_asks_for_what_a_local_run_cannot_do(string kind, string field,
        string at, string message)
    {
        // Given a command or sweep job that would write ran.txt, with a field a local run cannot honour
        using var workspace = new TempWorkspace().Write($"jobs/{kind}.yml", (kind == "sweep" ? SweepJob : CommandJob) + field + "\n");

        // When
        var run = await workspace.RunAsync(["run", $"jobs/{kind}.yml"]);

        // Then
        AssertRefusedBeforeRunning(run, workspace, $"jobs/{kind}.yml:{at}: error RML0404", message);
    }

    [Fact]
    public async Task Should_say_how_to_override_it_When_a_pipeline_steps_own_input_is_remote()
    {
        // Given a pipeline step (as in Azure ML's pipeline_with_hyperparameter_sweep) whose own input is a blob URL
        using var workspace = new TempWorkspace().Write("jobs/p.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
            type: pipeline
            jobs:
              train:
                command: cat ${{inputs.data}} > ran.txt
                environment:
                  image: python
                inputs:
                  data:
                    type: uri_file
                    path: wasbs://datasets@azuremlexamples.blob.core.windows.net/iris.csv
            """);

        // When
        var run = await workspace.RunAsync(["run", "jobs/p.yml"]);

        // Then the refusal names the step and does not offer a --set that the run would reject
        AssertRefusedBeforeRunning(run, workspace, "jobs/p.yml:11:15: error RML0404: job 'train': input 'data' is at wasbs:",
            "declare it as a pipeline input (inputs.data) bound here with ${{parent.inputs.data}}");
    }

    private const string CommandJob = """
        $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
        command: echo ran > ran.txt
        environment:
          image: python

        """;

    private static readonly string SweepJob = SweepJobYaml.With("echo ${{search_space.x}} > ran.txt", """
        objective:
          goal: minimize
          primary_metric: loss
        limits:
          max_total_trials: 2
        search_space:
          x:
            type: uniform
            min_value: 0
            max_value: 1

        """);
}
