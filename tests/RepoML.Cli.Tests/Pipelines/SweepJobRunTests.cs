using static RepoML.Cli.Tests.Pipelines.RunRefusals;

namespace RepoML.Cli.Tests.Pipelines;

/// <summary>
/// <c>repoml run</c> on Azure ML sweep jobs: trials drawn from the search space, metrics reported through REPOML_METRICS_FILE or
/// a metrics.json output, the best trial chosen by the objective, limits and early termination honoured. Assertions recompute
/// what each trial should have reported from its parameters rather than trusting the sweep's own numbers.
/// </summary>
public sealed class SweepJobRunTests
{
    // The trial script the shared copy of the example lacks: a loss computed from the parameters and the CSV's row count,
    // reported as MLflow's log-metric body would carry it.
    private const string ExampleMain = """
        import argparse, json, os
        p = argparse.ArgumentParser()
        p.add_argument("--iris-csv"); p.add_argument("--learning-rate", type=float); p.add_argument("--boosting")
        a = p.parse_args()
        rows = sum(1 for _ in open(a.iris_csv)) - 1
        loss = (a.learning_rate - 0.3) ** 2 + (0.05 if a.boosting == "dart" else 0.0) + rows / 1e6
        print("rows", rows)
        with open(os.environ["REPOML_METRICS_FILE"], "a") as f:
            f.write(json.dumps({"key": "test-multi_logloss", "value": loss, "step": 0}) + "\n")
        """;

    private static TempWorkspace ExampleWorkspace() => new TempWorkspace()
        .Write("jobs/sweep.yml", File.ReadAllText(Path.Combine(AzureMlExamples.Root!, "jobs", "single-step", "lightgbm", "iris", "job-sweep.yml")))
        .Write("jobs/src/main.py", ExampleMain)
        .Write("data/iris.csv", File.ReadAllText(TestData.Path("iris.csv")));

    private static JsonElement SweepRecord(TempWorkspace workspace)
    {
        var runJson = workspace.RunFiles("run.json").Single();
        using var json = JsonDocument.Parse(File.ReadAllText(runJson));
        return json.RootElement.GetProperty("jobs")[0].Clone();
    }

    [AzureMlExamplesFact]
    public async Task Should_run_every_trial_and_pick_the_lowest_loss_When_running_Azure_MLs_lightgbm_sweep_example()
    {
        // Given Azure ML's job-sweep.yml, its https input replaced by a local copy
        using var workspace = ExampleWorkspace();

        // When
        var run = await workspace.RunAsync(["run", "jobs/sweep.yml", "--set", "inputs.iris_csv=data/iris.csv"]);

        // Then its 20 trials ran with values from the space, each reporting the loss its parameters give
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var sweep = SweepRecord(workspace);
        var trials = sweep.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(20, trials.Count);
        var expected = new List<double>();
        foreach (var trial in trials)
        {
            Assert.Equal("completed", trial.GetProperty("status").GetString());
            var parameters = trial.GetProperty("parameters");
            var rate = double.Parse(parameters.GetProperty("learning_rate").GetString()!, CultureInfo.InvariantCulture);
            var boosting = parameters.GetProperty("boosting").GetString();
            Assert.InRange(rate, 0.01, 0.9);
            Assert.Contains(boosting, new[] { "gbdt", "dart" });
            expected.Add(((rate - 0.3) * (rate - 0.3)) + (boosting == "dart" ? 0.05 : 0) + (150 / 1e6));
            Assert.Equal(expected[^1], trial.GetProperty("primary_value").GetDouble(), 9);
        }

        Assert.Equal(2, trials.Select(t => t.GetProperty("parameters").GetProperty("boosting").GetString()).Distinct().Count());
        Assert.Equal(expected.IndexOf(expected.Min()), sweep.GetProperty("best_trial").GetInt32());
        Assert.Equal(expected.Min(), sweep.GetProperty("metrics").GetProperty("test-multi_logloss").GetDouble(), 9);
    }

    [AzureMlExamplesFact]
    public async Task Should_refuse_with_file_line_col_and_run_nothing_When_the_sweeps_input_is_an_https_path_not_overridden()
    {
        // Given / When
        using var workspace = ExampleWorkspace();
        var run = await workspace.RunAsync(["run", "jobs/sweep.yml"]);

        // Then
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("jobs/sweep.yml:14:11: error RML0404: input 'iris_csv' is at https://", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("--set inputs.iris_csv=PATH", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, ".repoml", "runs")));
    }

    [Fact]
    public async Task Should_find_the_same_best_trial_as_repoml_sweep_When_the_trials_are_repoml_train_on_the_same_space_and_seed()
    {
        // Given a sweep job whose trial splits the data, trains and evaluates with repoml, and the same space for repoml sweep
        using var workspace = new TempWorkspace()
            .Write("data/breast_cancer.csv", File.ReadAllText(TestData.Path("breast_cancer.csv")))
            .Write("jobs/train-sweep.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
                type: sweep
                inputs:
                  data:
                    type: uri_file
                    path: ../data/breast_cancer.csv
                trial:
                  command: >-
                    repoml data split --data ${{inputs.data}} --train-out train.csv --test-out validation.csv --test-fraction 0.2
                    --seed 3 --stratify diagnosis
                    && repoml train --data train.csv --label diagnosis --task binary --trainer fasttree --seed 3
                    --param number_of_leaves=${{search_space.number_of_leaves}} --param learning_rate=${{search_space.learning_rate}}
                    --out ${{outputs.model}}
                    && repoml evaluate ${{outputs.model}} --data validation.csv --out ${{outputs.model}}/metrics.json
                  environment:
                    image: mcr.microsoft.com/dotnet/sdk:10.0
                  outputs:
                    model:
                      type: uri_folder
                sampling_algorithm:
                  type: random
                  seed: 3
                search_space:
                  number_of_leaves:
                    type: choice
                    values: [2, 4, 16]
                  learning_rate:
                    type: uniform
                    min_value: 0.05
                    max_value: 0.6
                objective:
                  goal: maximize
                  primary_metric: metrics.roc_auc
                limits:
                  max_total_trials: 3
                  max_concurrent_trials: 3
                """);

        // When both run
        var job = await workspace.RunAsync(["run", "jobs/train-sweep.yml"]);
        var sweep = await workspace.RunAsync(["sweep", "--data", "data/breast_cancer.csv", "--label", "diagnosis", "--task", "binary",
            "--trainer", "fasttree", "--seed", "3", "--search", "random", "--trials", "3", "--space", "number_of_leaves=2,4,16", "--space",
            "learning_rate=0.05..0.6", "--primary-metric", "roc_auc", "--goal", "maximize", "--out", "swept"]);

        // Then each trial drew the same parameters and scored the same, and both pick the same best trial
        Assert.True(job.ExitCode == 0 && sweep.ExitCode == 0, job.Output + job.Error + sweep.Output + sweep.Error);
        var record = SweepRecord(workspace);
        using var swept = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "swept", "trials.json")));
        var expected = swept.RootElement.GetProperty("trials").EnumerateArray().ToList();
        var actual = record.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var name in new[] { "number_of_leaves", "learning_rate" })
            {
                Assert.Equal(expected[i].GetProperty("params").GetProperty(name).GetDouble(),
                    double.Parse(actual[i].GetProperty("parameters").GetProperty(name).GetString()!, CultureInfo.InvariantCulture));
            }

            Assert.Equal(expected[i].GetProperty("metrics").GetProperty("roc_auc").GetDouble(), actual[i].GetProperty("primary_value").GetDouble(), 12);
        }

        Assert.Equal(swept.RootElement.GetProperty("best_trial").GetInt32(), record.GetProperty("best_trial").GetInt32());
    }

    [Fact]
    public async Task Should_pass_the_best_trials_output_downstream_When_a_pipeline_step_sweeps_a_component_file()
    {
        // Given a pipeline whose sweep step's trial is a component file beside it; the space binds the component's input 'rate'
        using var workspace = new TempWorkspace()
            .Write("jobs/p/train.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json
                type: command
                name: train
                inputs:
                  rate:
                    type: number
                  base:
                    type: string
                outputs:
                  model:
                    type: uri_folder
                command: >-
                  echo "{\"loss\": $(awk "BEGIN{print (${{inputs.rate}}-0.3)^2}")}" >> "$REPOML_METRICS_FILE"
                  && echo ${{inputs.base}} ${{inputs.rate}} > ${{outputs.model}}/m.txt
                environment:
                  image: python
                """)
            .Write("jobs/p/pipeline.yml", """
                $schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json
                type: pipeline
                jobs:
                  sweep_step:
                    type: sweep
                    trial: ./train.yml
                    inputs:
                      base: hello
                    search_space:
                      rate:
                        type: choice
                        values: [0.1, 0.25, 0.5]
                    sampling_algorithm: grid
                    objective:
                      goal: minimize
                      primary_metric: loss
                  use:
                    type: command
                    command: cat ${{inputs.m}}/m.txt
                    environment:
                      image: python
                    inputs:
                      m: ${{parent.jobs.sweep_step.outputs.model}}
                """);

        // When
        var run = await workspace.RunAsync(["run", "jobs/p/pipeline.yml"]);

        // Then the three grid trials ran and the downstream step read the output of the one nearest 0.3
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var trials = workspace.RunFiles("m.txt")
            .Select(File.ReadAllText).Select(t => t.Trim()).Order().ToList();
        Assert.Equal(["hello 0.1", "hello 0.25", "hello 0.5"], trials);
        var used = workspace.RunFiles("stdout.txt")
            .Single(p => p.Contains(Path.Combine("jobs", "use"), StringComparison.Ordinal));
        Assert.Equal("hello 0.25", File.ReadAllText(used).Trim());
    }

    [Fact]
    public async Task Should_stop_a_trial_worse_than_the_best_When_a_bandit_policy_applies()
    {
        // Given a grid of two trials, one at a time; the second reports a loss far above the first's
        using var workspace = new TempWorkspace().Write("jobs/bandit.yml", """
            $schema: https://azuremlschemas.azureedge.net/latest/sweepJob.schema.json
            type: sweep
            trial:
              command: >-
                q=${{search_space.q}};
                for i in 1 2 3 4 5; do echo "{\"loss\": $q}" >> "$REPOML_METRICS_FILE"; sleep 0.3; done;
                echo finished > ${{outputs.out}}/done.txt
              environment:
                image: python
              outputs:
                out:
                  type: uri_folder
            sampling_algorithm: grid
            search_space:
              q:
                type: choice
                values: [1, 9]
            objective:
              goal: minimize
              primary_metric: loss
            limits:
              max_concurrent_trials: 1
            early_termination:
              type: bandit
              slack_amount: 0.5
              evaluation_interval: 1
              delay_evaluation: 1
            """);

        // When
        var run = await workspace.RunAsync(["run", "jobs/bandit.yml"]);

        // Then the second trial was stopped before it finished, and the first is the best
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var trials = SweepRecord(workspace).GetProperty("trials");
        Assert.Equal("completed", trials[0].GetProperty("status").GetString());
        Assert.Equal("canceled", trials[1].GetProperty("status").GetString());
        Assert.StartsWith("early termination (bandit)", trials[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var done = workspace.RunFiles("done.txt").ToList();
        Assert.Single(done, d => d.Contains(Path.Combine("trials", "0"), StringComparison.Ordinal));
        Assert.DoesNotContain(done, d => d.Contains(Path.Combine("trials", "1"), StringComparison.Ordinal));
        Assert.Equal(0, SweepRecord(workspace).GetProperty("best_trial").GetInt32());
    }

    [Fact]
    public async Task Should_kill_the_trial_and_fail_the_sweep_When_a_trial_outlives_its_trial_timeout()
    {
        // Given a trial that would sleep for 30 s, with a 1 s trial timeout
        using var workspace = new TempWorkspace().Write("jobs/slow.yml", SweepJobYaml.With("sleep 30 && echo ${{search_space.q}} > ran.txt", """
            sampling_algorithm: random
            search_space:
              q:
                type: randint
                upper: 3
            objective:
              goal: minimize
              primary_metric: loss
            limits:
              max_total_trials: 1
              trial_timeout: 1
            """));

        // When
        await RunKilledByTimeoutAsync(workspace, "jobs/slow.yml");

        // Then
        var trial = SweepRecord(workspace).GetProperty("trials")[0];
        Assert.Equal("canceled", trial.GetProperty("status").GetString());
        Assert.Equal("trial_timeout reached", trial.GetProperty("reason").GetString());
    }
}
