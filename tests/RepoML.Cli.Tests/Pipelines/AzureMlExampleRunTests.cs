namespace RepoML.Cli.Tests.Pipelines;

/// <summary>
/// Azure ML's own "hello" jobs (shared/azureml-examples/cli/jobs/basics), run locally by <c>repoml run</c>: the assertions
/// are on what the commands wrote, with Azure ML's input and output semantics, not just on exit codes.
/// </summary>
public sealed class AzureMlExampleRunTests
{
    private static async Task<(TempWorkspace Workspace, string JobFolder)> RunExample(string example, string job, params string[] extra)
    {
        var workspace = new TempWorkspace();
        workspace.Write("jobs/" + example, File.ReadAllText(Path.Combine(AzureMlExamples.Root!, "jobs", "basics", example)));
        var run = await workspace.RunAsync(["run", "jobs/" + example, "--output", "json", .. extra]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        using var json = JsonDocument.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..]);
        var runId = json.RootElement.GetProperty("run_id").GetString()!;
        Assert.Contains(json.RootElement.GetProperty("jobs").EnumerateArray(), j => j.GetProperty("name").GetString() == job);
        return (workspace, Path.Combine(workspace.Root, ".repoml", "runs", runId, "jobs"));
    }

    [AzureMlExamplesFact]
    public async Task Should_run_the_command_with_its_literal_inputs_When_the_file_is_a_standalone_command_job()
    {
        var (workspace, jobs) = await RunExample("hello-world-input.yml", "hello-world-input");
        using (workspace)
        {
            Assert.Equal(["hello world", "42"], File.ReadAllLines(Path.Combine(jobs, "hello-world-input", "stdout.txt")));
        }
    }

    [AzureMlExamplesFact]
    public async Task Should_use_the_overridden_value_When_a_command_jobs_input_is_set_on_the_command_line()
    {
        var (workspace, jobs) = await RunExample("hello-world-input.yml", "hello-world-input", "--set", "inputs.hello_number=7");
        using (workspace)
        {
            Assert.Equal(["hello world", "7"], File.ReadAllLines(Path.Combine(jobs, "hello-world-input", "stdout.txt")));
        }
    }

    [AzureMlExamplesFact]
    public async Task Should_give_the_command_a_folder_to_write_into_When_a_command_job_declares_an_untyped_output()
    {
        var (workspace, jobs) = await RunExample("hello-world-output-data.yml", "hello-world-output-data");
        using (workspace)
        {
            var written = Path.Combine(jobs, "hello-world-output-data", "outputs", "hello_output", "helloworld.txt");
            Assert.Equal("hello world", File.ReadAllText(written).Trim());
        }
    }

    [AzureMlExamplesFact]
    public async Task Should_pass_the_jobs_outputs_folder_downstream_When_a_pipeline_binds_the_default_artifacts_output()
    {
        var (workspace, jobs) = await RunExample("hello-pipeline-default-artifacts-serverless.yml", "world_job");
        using (workspace)
        {
            // world_job runs `cat ${{inputs.world_input}}/outputs/world.txt` on what hello_job wrote to ./outputs/world.txt.
            Assert.Equal("world", File.ReadAllText(Path.Combine(jobs, "world_job", "stdout.txt")).Trim());
        }
    }

    [AzureMlExamplesFact]
    public async Task Should_run_the_component_file_next_to_the_pipeline_When_a_step_names_it_by_relative_path()
    {
        // Given Azure ML's 2a_basic_component example (pipeline.yml names ./component.yml) outside RepoML's spec folders;
        // the example's src/hello.py is not in the shared copy, so the test writes one.
        var example = Path.Combine(AzureMlExamples.Root!, "jobs", "pipelines-with-components", "basics", "2a_basic_component");
        using var workspace = new TempWorkspace()
            .Write("jobs/2a/pipeline.yml", File.ReadAllText(Path.Combine(example, "pipeline.yml")))
            .Write("jobs/2a/component.yml", File.ReadAllText(Path.Combine(example, "component.yml")))
            .Write("jobs/2a/src/hello.py", "print('Hello Python World')\n");

        // When
        var run = await workspace.RunAsync(["run", "jobs/2a/pipeline.yml", "--output", "json"]);

        // Then the step ran the component's command in its code folder
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var stdout = workspace.RunFiles("stdout.txt").Single();
        Assert.Equal("Hello Python World", File.ReadAllText(stdout).Trim());
        Assert.EndsWith(Path.Combine("hello_python_world_job", "stdout.txt"), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_find_outputs_and_logs_folders_in_the_working_directory_When_a_job_without_code_writes_there()
    {
        // Given Azure ML's hello-world-output.yml, which writes to ./outputs without creating it (Azure ML provides it)
        using var workspace = new TempWorkspace().Write("jobs/hello-world-output.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            command: echo "hello world" > ./outputs/helloworld.txt && echo "log" > ./logs/run.log
            environment:
              image: library/python:latest
            """);

        // When it runs locally
        var run = await workspace.RunAsync(["run", "jobs/hello-world-output.yml"]);

        // Then it succeeds and what it wrote is in its job folder
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var written = workspace.RunFiles("helloworld.txt").Single();
        Assert.Equal("hello world", File.ReadAllText(written).Trim());
        Assert.EndsWith(Path.Combine("hello-world-output", "outputs", "helloworld.txt"), written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("command: echo ran > ${{outputs.said}}\nenvironment:\n  image: python\noutputs:\n  said:\n    type: uri_file\n", "hello")]
    [InlineData("type: pipeline\njobs:\n  step:\n    command: echo ran > ${{outputs.said}}\n    environment:\n      image: python\n" +
        "    outputs:\n      said:\n        type: uri_file\n", "step")]
    public async Task Should_run_it_by_its_type_When_a_job_file_has_no_schema_key(string text, string job)
    {
        // Given a job file without $schema outside the workspace folders, which az ml job create reads by its type
        using var workspace = new TempWorkspace().Write("jobs/hello.yml", text);

        // When it is run
        var run = await workspace.RunAsync(["run", "jobs/hello.yml", "--output", "json"]);

        // Then it runs as that kind of job
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains($"\"name\": \"{job}\"", run.Output, StringComparison.Ordinal);
        Assert.Equal("ran", File.ReadAllText(workspace.RunFiles("said").Single()).Trim());
    }

    [Fact]
    public async Task Should_refuse_with_file_line_col_and_run_nothing_When_a_command_job_asks_for_distribution()
    {
        using var workspace = new TempWorkspace().Write("jobs/dist.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
            command: echo ran > ran.txt
            environment:
              image: python
            distribution:
              type: pytorch
              process_count_per_instance: 2
            """);

        var run = await workspace.RunAsync(["run", "jobs/dist.yml"]);

        RunRefusals.AssertRefusedBeforeRunning(run, workspace, "jobs/dist.yml:6:3: error", "'distribution' cannot apply to a local run");
    }

    [Fact]
    public async Task Should_give_the_command_its_environment_variables_When_a_job_and_a_pipeline_step_declare_them()
    {
        using var workspace = new TempWorkspace()
            .Write("jobs/env.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
                command: echo "$GREETING $REPOML_JOB_NAME" > ${{outputs.said}}
                environment:
                  image: python
                environment_variables:
                  GREETING: hello
                outputs:
                  said:
                    type: uri_file
                """)
            .Write("jobs/pipe.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
                type: pipeline
                jobs:
                  step:
                    type: command
                    environment_variables:
                      GREETING: step-level
                    component:
                      command: echo "$GREETING" > ${{outputs.said}}/said.txt
                      environment:
                        image: python
                      outputs:
                        said:
                          type: uri_folder
                """);

        var job = await workspace.RunAsync(["run", "jobs/env.yml"]);
        var pipeline = await workspace.RunAsync(["run", "jobs/pipe.yml"]);

        Assert.True(job.ExitCode == 0 && pipeline.ExitCode == 0, job.Output + job.Error + pipeline.Output + pipeline.Error);
        var runs = Path.Combine(workspace.Root, ".repoml", "runs");
        Assert.Equal("hello env", File.ReadAllText(Directory.EnumerateFiles(runs, "said", SearchOption.AllDirectories).Single()).Trim());
        Assert.Equal("step-level", File.ReadAllText(Directory.EnumerateFiles(runs, "said.txt", SearchOption.AllDirectories).Single()).Trim());
    }
}
